package city.yingzao.deliberation.domain;

/**
 * The level of a council 议事会 (D1, D11): the community council 社区协商议事会, a resident-group
 * council 居民小组议事会, or a courtyard council 院落议事会.
 */
public enum CouncilLevel {
    COMMUNITY,
    GROUP,
    COURTYARD
}
