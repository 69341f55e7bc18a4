package city.yingzao.grants.domain;

/** P3: the pivot categories (支点) every project is classified by. */
public enum PivotCategory {
    SERVICE_NEEDS, PUBLIC_AFFAIRS, PUBLIC_SPACE, ECO_ENVIRONMENT, COMMUNITY_INDUSTRY, COMMUNITY_CULTURE
}
