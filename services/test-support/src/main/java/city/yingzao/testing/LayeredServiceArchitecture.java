package city.yingzao.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers every service has (docs/architecture.md, style.md): {@code domain} is plain Java and
 * knows no other layer, {@code application} holds the use cases, {@code infrastructure} persists
 * and messages, {@code api} speaks HTTP. Checked on the compiled classes, so a wrong import fails
 * the build. A service's {@code ArchitectureTest} extends this with its root package; one set of
 * rules, so every service keeps the same shape.
 */
public abstract class LayeredServiceArchitecture {

    private final String root;
    private final JavaClasses classes;

    protected LayeredServiceArchitecture(String rootPackage) {
        this.root = rootPackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    private String layer(String name) {
        return root + "." + name + "..";
    }

    @Test
    @DisplayName("the domain is plain Java: no Jakarta, Quarkus, Hibernate or Jackson")
    void domainHasNoFramework() {
        noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "com.fasterxml..")
                .check(classes);
    }

    @Test
    @DisplayName("the domain knows nothing of the layers around it")
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("application"), layer("infrastructure"), layer("api"))
                .check(classes);
    }

    @Test
    @DisplayName("the API reaches persistence only through the application")
    void apiDoesNotTouchPersistence() {
        noClasses().that().resideInAPackage(layer("api"))
                .should().dependOnClassesThat().resideInAPackage(layer("infrastructure"))
                .check(classes);
    }

    @Test
    @DisplayName("the application does not depend on the API")
    void applicationDoesNotDependOnApi() {
        noClasses().that().resideInAPackage(layer("application"))
                .should().dependOnClassesThat().resideInAPackage(layer("api"))
                .check(classes);
    }

    @Test
    @DisplayName("persistence does not depend on the application or the API")
    void infrastructureDependsInward() {
        noClasses().that().resideInAPackage(layer("infrastructure"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("application"), layer("api"))
                .check(classes);
    }
}
