package city.yingzao.registry.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * P2 coverage: the share of communities running a community-building action 社区营造行动, against
 * the programme's target (the article: over 60% in 2019, 90% by 2020). A community counts as running
 * one from a configurable step of the six-step path on; the target is configurable too.
 *
 * @param byStage     communities at each step
 * @param runningFrom the first step that counts as running an action
 * @param target      the share the programme aims for, 0..1
 */
public record CommunityBuildingCoverage(Map<CommunityStage, Long> byStage, CommunityStage runningFrom, double target) {

    public CommunityBuildingCoverage {
        if (target < 0 || target > 1) {
            throw new IllegalArgumentException("target is a share between 0 and 1, not " + target);
        }
        Map<CommunityStage, Long> complete = new EnumMap<>(CommunityStage.class);
        for (CommunityStage stage : CommunityStage.values()) {
            complete.put(stage, byStage.getOrDefault(stage, 0L));
        }
        byStage = Map.copyOf(complete);
    }

    public long total() {
        return byStage.values().stream().mapToLong(Long::longValue).sum();
    }

    public long running() {
        return byStage.entrySet().stream()
                .filter(e -> e.getKey().compareTo(runningFrom) >= 0)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Running communities over all communities; 0 when there are none. */
    public double share() {
        return total() == 0 ? 0 : (double) running() / total();
    }

    public boolean meetsTarget() {
        return total() > 0 && share() >= target;
    }

    /** {@code "P2: 61 of 100 communities (61.0%) run a community-building action; target 90%"}. */
    public String summary() {
        return String.format("P2: %d of %d communities (%.1f%%) run a community-building action; target %.0f%%",
                running(), total(), share() * 100, target * 100);
    }
}
