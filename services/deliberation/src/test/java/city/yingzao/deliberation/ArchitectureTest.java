package city.yingzao.deliberation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of style.md, checked on the compiled classes so a wrong import fails the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("city.yingzao.deliberation");
    }

    @Test
    @DisplayName("the domain is plain Java: no Jakarta, Quarkus, Hibernate or Jackson")
    void domainHasNoFramework() {
        noClasses().that().resideInAPackage("..deliberation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "com.fasterxml..")
                .check(classes);
    }

    @Test
    @DisplayName("the domain knows nothing of the layers around it")
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("..deliberation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..deliberation.application..", "..deliberation.infrastructure..",
                        "..deliberation.api..")
                .check(classes);
    }

    @Test
    @DisplayName("the API reaches persistence only through the application")
    void apiDoesNotTouchPersistence() {
        noClasses().that().resideInAPackage("..deliberation.api..")
                .should().dependOnClassesThat().resideInAPackage("..deliberation.infrastructure..")
                .check(classes);
    }

    @Test
    @DisplayName("the application does not depend on the API")
    void applicationDoesNotDependOnApi() {
        noClasses().that().resideInAPackage("..deliberation.application..")
                .should().dependOnClassesThat().resideInAPackage("..deliberation.api..")
                .check(classes);
    }

    @Test
    @DisplayName("persistence does not depend on the application or the API")
    void infrastructureDependsInward() {
        noClasses().that().resideInAPackage("..deliberation.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("..deliberation.application..", "..deliberation.api..")
                .check(classes);
    }
}
