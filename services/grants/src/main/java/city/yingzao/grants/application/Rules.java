package city.yingzao.grants.application;

import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;

import java.util.List;
import java.util.Optional;

/** Turns a policy's answer into the 422 problem naming the rule (409 when the state forbids any change). */
final class Rules {

    private Rules() {
    }

    static void enforce(Optional<Rejection> rejection) {
        rejection.ifPresent(r -> {
            throw RuleViolation.of(r);
        });
    }

    static void enforceAll(List<Rejection> rejections) {
        RuleViolation.throwIfAny(rejections);
    }

    static void conflict(String rule, String reason) {
        throw new RuleViolation(409, List.of(new Rejection(rule, reason)));
    }

    static void refuse(String rule, String reason) {
        throw RuleViolation.of(new Rejection(rule, reason));
    }
}
