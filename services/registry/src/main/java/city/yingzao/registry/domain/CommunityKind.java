package city.yingzao.registry.domain;

/** Urban community 城市社区, or rural: village 建制村 / agricultural community 涉农社区 (P1, F2, F3). */
public enum CommunityKind {
    URBAN,
    RURAL
}
