package city.yingzao.evaluation.application;

import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;

/**
 * The scope half of every call (the role half is {@code @RolesAllowed} on the resource): operators
 * and auditors see everything; an evaluator reads and writes only their assignments; the evaluated
 * organisation (an agency whose {@code org} claim names it) only its own evaluations; supervisors
 * moderate.
 */
@ApplicationScoped
public class Access {

    @Inject
    Caller caller;

    public String who() {
        return caller.name();
    }

    public boolean operator() {
        return caller.has(Roles.CITY_OPERATOR);
    }

    public boolean seesAll() {
        return caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR);
    }

    public boolean supervisor() {
        return caller.has(Roles.SUPERVISOR);
    }

    public boolean evaluator() {
        return caller.has(Roles.EVALUATOR);
    }

    public boolean agencyOf(String organisationCode) {
        return caller.has(Roles.AGENCY) && caller.org().map(o -> o.equals(organisationCode)).orElse(false);
    }

    public java.util.Optional<String> org() {
        return caller.org();
    }

    /** City-wide figures: operators and auditors. */
    public void requireSeesAll(String what) {
        caller.require(seesAll(), what);
    }

    /** Reads of one evaluation: operators, auditors, supervisors, its evaluators, its organisation. */
    public void requireRead(EvaluationRow e, Collection<String> evaluators) {
        caller.require(seesAll() || supervisor() || (evaluator() && evaluators.contains(who())) || agencyOf(e.organisationCode()),
                "evaluation " + e.id());
    }

    /** The evaluated organisation acting on its own evaluation. */
    public void requireOrganisation(EvaluationRow e) {
        caller.require(agencyOf(e.organisationCode()), "the evaluations of organisation " + e.organisationCode());
    }

    /** An evaluator writes only their own sheet. */
    public void requireSelf(String evaluatorId) {
        caller.require(evaluator() && who().equals(evaluatorId), "the sheet of " + evaluatorId);
    }

    /** Moderators: a supervisor or the city operator. */
    public void requireModerator(EvaluationRow e) {
        caller.require(supervisor() || operator(), "the moderation of evaluation " + e.id());
    }

    public static RuntimeException notFound(String id) {
        return Problems.notFound("evaluation", id);
    }
}
