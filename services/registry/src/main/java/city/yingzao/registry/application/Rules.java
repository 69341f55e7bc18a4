package city.yingzao.registry.application;

import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/** Turns a policy's answer into the 422 problem naming the rule. */
final class Rules {

    private Rules() {
    }

    static void enforce(Optional<Rejection> rejection) {
        rejection.ifPresent(r -> {
            throw RuleViolation.of(r);
        });
    }
}
