package city.yingzao.finance.domain;

/**
 * F5: what a community's fund may pay for. The six categories of the article, plus the two
 * excluded ones of the negative list, so that a request naming them is refused with a reason
 * rather than a bare "unknown value".
 */
public enum SpendingCategory {
    /** 培育社区社会组织 */
    SOCIAL_ORGANISATIONS(true),
    /** 志愿服务 */
    VOLUNTEER_SERVICES(true),
    /** 社区基础设施维护维修 */
    INFRASTRUCTURE_MAINTENANCE(true),
    /** 文体公益活动 */
    CULTURE_AND_SPORTS(true),
    /** 社区教育培训 */
    EDUCATION_AND_TRAINING(true),
    /** 社区和院落环境治理 */
    ENVIRONMENTAL_GOVERNANCE(true),
    /** Negative list: what government departments must pay for themselves 政府职责. */
    GOVERNMENT_DUTY(false),
    /** Negative list: costs of a person or a household 个人费用. */
    PRIVATE_COST(false);

    private final boolean eligible;

    SpendingCategory(boolean eligible) {
        this.eligible = eligible;
    }

    public boolean eligible() {
        return eligible;
    }
}
