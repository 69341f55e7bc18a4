package city.yingzao.deliberation;

import city.yingzao.testing.LayeredServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers every service keeps (domain, application, infrastructure, api), checked on this service's classes. */
class ArchitectureTest extends LayeredServiceArchitecture {

    /** What an active-record entity offers that only a repository may do. */
    private static final Set<String> ACTIVE_RECORD = Set.of("find", "findAll", "findById", "findByIdOptional", "list", "listAll",
            "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "persist", "persistAndFlush", "flush", "update",
            "getEntityManager", "isPersistent");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("city.yingzao.deliberation");

    ArchitectureTest() {
        super("city.yingzao.deliberation");
    }

    @Test
    @DisplayName("the application talks to repositories: never an entity's static finders, persist or delete")
    void applicationUsesRepositories() {
        noClasses().that().resideInAPackage("city.yingzao.deliberation.application..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("an active-record method of an entity",
                        call -> call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                                && ACTIVE_RECORD.contains(call.getName())))
                .check(CLASSES);
    }

    @Test
    @DisplayName("the application writes no SQL: queries live in the repositories of infrastructure")
    void applicationHasNoEntityManager() {
        noClasses().that().resideInAPackage("city.yingzao.deliberation.application..")
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .check(CLASSES);
    }
}
