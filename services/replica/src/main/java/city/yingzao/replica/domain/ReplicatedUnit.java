package city.yingzao.replica.domain;

/**
 * A resident group 居民小组 or a courtyard 院落 of a community; {@code groupCode} is the group a
 * courtyard lies in (null for a group, or for a courtyard that spans groups).
 */
public record ReplicatedUnit(String communityCode, String code, String name, String groupCode) {
}
