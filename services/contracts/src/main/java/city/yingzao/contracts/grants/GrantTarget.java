package city.yingzao.contracts.grants;

/**
 * What a grant is for: a community (the demonstration projects, G1), or for platform calls (G7) a
 * street-level centre or a district support centre. The target code is the partition key of every
 * grants event, so a community's grant events stay in order with its other events.
 */
public enum GrantTarget {
    COMMUNITY,
    STREET,
    DISTRICT
}
