package city.yingzao.grants.domain;

/** One tranche of a call's plan: its share of the award in percent and its release condition (G4). */
public record TranchePlan(int percent, ReleaseCondition condition) {
}
