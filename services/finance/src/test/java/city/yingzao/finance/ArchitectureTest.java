package city.yingzao.finance;

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
                .importPackages("city.yingzao.finance");
    }

    @Test
    @DisplayName("the domain is plain Java: no Jakarta, Quarkus, Hibernate or Jackson")
    void domainHasNoFramework() {
        noClasses().that().resideInAPackage("..finance.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "com.fasterxml..")
                .check(classes);
    }

    @Test
    @DisplayName("the domain knows nothing of the layers around it")
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("..finance.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..finance.application..", "..finance.infrastructure..",
                        "..finance.api..")
                .check(classes);
    }

    @Test
    @DisplayName("the API reaches persistence only through the application")
    void apiDoesNotTouchPersistence() {
        noClasses().that().resideInAPackage("..finance.api..")
                .should().dependOnClassesThat().resideInAPackage("..finance.infrastructure..")
                .check(classes);
    }

    @Test
    @DisplayName("the application does not depend on the API")
    void applicationDoesNotDependOnApi() {
        noClasses().that().resideInAPackage("..finance.application..")
                .should().dependOnClassesThat().resideInAPackage("..finance.api..")
                .check(classes);
    }

    @Test
    @DisplayName("persistence does not depend on the application or the API")
    void infrastructureDependsInward() {
        noClasses().that().resideInAPackage("..finance.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("..finance.application..", "..finance.api..")
                .check(classes);
    }
}
