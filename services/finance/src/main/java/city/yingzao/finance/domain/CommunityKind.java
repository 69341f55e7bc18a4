package city.yingzao.finance.domain;

/** Urban community 城市社区 (F3, per household) or rural community or village 涉农社区/村 (F2, a floor). */
public enum CommunityKind {
    URBAN, RURAL
}
