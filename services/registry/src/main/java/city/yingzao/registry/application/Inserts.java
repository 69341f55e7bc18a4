package city.yingzao.registry.application;

import city.yingzao.kernel.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hibernate.exception.ConstraintViolationException;

import java.util.function.Function;

/**
 * Inserts one row now rather than at commit, so that a concurrent request that registered the
 * same code a moment earlier (past our "does it exist?" check) ends in a 409 problem, not a 500.
 */
final class Inserts {

    private static final String UNIQUE_VIOLATION = "23505";

    private Inserts() {
    }

    /**
     * @param onConflict the problem to answer, given the name of the unique constraint that refused the row
     */
    static <E> void insert(PanacheRepositoryBase<E, ?> repository, E entity, Function<String, ProblemException> onConflict) {
        repository.persist(entity);
        try {
            repository.flush();
        } catch (ConstraintViolationException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw onConflict.apply(e.getConstraintName());
            }
            throw e;
        }
    }
}
