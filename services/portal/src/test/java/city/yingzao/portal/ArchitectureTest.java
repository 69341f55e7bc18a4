package city.yingzao.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The portal has the services' shape: domain plain Java, pages never call a client directly. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("city.yingzao.portal");
    }

    @Test
    @DisplayName("domain has no framework")
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("..portal.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.vertx..", "org.eclipse..",
                        "com.fasterxml..", "..portal.application..", "..portal.infrastructure..", "..portal.api..")
                .check(classes);
    }

    @Test
    @DisplayName("pages go through the use cases, never to a service client")
    void pagesUseTheApplication() {
        noClasses().that().resideInAPackage("..portal.api..")
                .should().dependOnClassesThat().resideInAPackage("..portal.infrastructure..")
                .check(classes);
    }

    @Test
    @DisplayName("use cases do not know the pages")
    void applicationDoesNotKnowPages() {
        noClasses().that().resideInAPackage("..portal.application..")
                .should().dependOnClassesThat().resideInAPackage("..portal.api..")
                .check(classes);
    }
}
