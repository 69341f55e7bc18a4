package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;

/**
 * A service's refusal shown next to the form that asked (class {@code refusal}, role alert): its words and the rule it
 * names. A service that cannot be reached is not a refusal; that one goes to {@link PageErrors} (503).
 */
public record Refusal(String message, String rule, int status) {

    static Refusal of(ServiceProblem problem) {
        if (problem.unavailable()) {
            throw problem;
        }
        return new Refusal(problem.message(), problem.rule() == null ? "" : problem.rule(), problem.status());
    }

    /** A refusal of the portal's own form check (a field it cannot read), before any service is asked. */
    static Refusal invalid(String message) {
        return new Refusal(message, "", 400);
    }
}
