package city.yingzao.registry.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/** P2: a community's stage is one of the six steps of the community-building path, numbered 1 to 6. */
public final class StagePolicy {

    public static final String RULE = "P2";

    private StagePolicy() {
    }

    public static Optional<Rejection> check(int step) {
        return CommunityStage.ofStep(step).isPresent() ? Optional.empty()
                : Optional.of(new Rejection(RULE, "stage " + step + " is not a step of the six-step path (1 to 6)"));
    }
}
