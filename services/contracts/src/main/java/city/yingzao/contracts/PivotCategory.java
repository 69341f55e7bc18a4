package city.yingzao.contracts;

/**
 * Pivot categories 支点 (P3): how projects are classified everywhere, in grants, fund-use projects
 * and evaluations. Shared vocabulary, so it lives with the contracts that carry it.
 */
public enum PivotCategory {

    SERVICE_NEEDS("满足服务需求"),
    PUBLIC_AFFAIRS("管理公共事务"),
    PUBLIC_SPACE("建构公共空间"),
    ECO_ENVIRONMENT("营造生态环境"),
    COMMUNITY_INDUSTRY("发展社区产业"),
    COMMUNITY_CULTURE("形塑社区文化");

    private final String chineseName;

    PivotCategory(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name used in Chengdu's documents. */
    public String chineseName() {
        return chineseName;
    }
}
