package city.yingzao.replica.domain;

/** A community's households as replicated: registered in the list, and of those still living there. */
public record HouseholdCounts(String communityCode, long listed, long active) {
}
