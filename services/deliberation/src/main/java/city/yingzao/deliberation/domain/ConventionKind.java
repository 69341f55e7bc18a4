package city.yingzao.deliberation.domain;

/** D12: the conventions a council adopts: 村规民约, 社区公约, 院落公约, 林盘公约. */
public enum ConventionKind {
    /** 村规民约, village rules. */
    VILLAGE_RULES,
    /** 社区公约, community convention. */
    COMMUNITY_CONVENTION,
    /** 院落公约, courtyard compact (names a courtyard). */
    COURTYARD_COMPACT,
    /** 林盘公约, linpan (rural settlement) convention. */
    LINPAN_CONVENTION
}
