package city.yingzao.kernel.problem;

import java.util.List;

/** The common problems, so that every service says them the same way. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of(), List.of());
    }

    public static ProblemException alreadyExists(String what, String id) {
        return new ProblemException(409, "already-exists", "Already exists", what + " " + id + " already exists", List.of(), List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflicts with the current state", detail, List.of(), List.of());
    }

    /** The caller has the role but not the scope: another community, district, organisation or assignment. */
    public static ProblemException outOfScope(String detail) {
        return new ProblemException(403, "out-of-scope", "Outside your scope", detail, List.of(), List.of());
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", "The request is not valid", detail, List.of(), errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(Problem.FieldError.of(field, message)));
    }

    /**
     * The service cannot take the request now (a bounded queue is full, or it is shutting down); the
     * answer carries {@code Retry-After}, and nothing was changed.
     */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Try again shortly", detail, List.of(), List.of());
    }

    /** A file whose rows have errors; nothing of it was imported. */
    public static ProblemException invalidRows(int rowsWithErrors, List<Problem.FieldError> errors) {
        return new ProblemException(422, "invalid-rows", "The file has rows in error; nothing was imported",
                rowsWithErrors + " row(s) in error", List.of(), errors);
    }
}
