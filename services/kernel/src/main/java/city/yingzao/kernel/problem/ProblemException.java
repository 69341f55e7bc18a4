package city.yingzao.kernel.problem;

import java.util.List;

/**
 * Thrown by application services for outcomes a client caused; the API turns it into a problem
 * details response and the transaction rolls back, so nothing changes.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<String> rules;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String typeSlug, String title, String detail,
            List<String> rules, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.rules = List.copyOf(rules);
        this.errors = List.copyOf(errors);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + typeSlug, title, status, getMessage(), instance, rules, errors);
    }

    public int status() {
        return status;
    }
}
