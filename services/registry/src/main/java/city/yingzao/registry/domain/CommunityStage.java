package city.yingzao.registry.domain;

import java.util.Optional;

/** The six-step community-building path 营造六步 (P2); a community is at one step at a time. */
public enum CommunityStage {
    /** (1) discover active residents 发现积极行动者. */
    DISCOVER_ACTIVE_RESIDENTS,
    /** (2) form resident self-organisations 组建自组织. */
    FORM_SELF_ORGANISATIONS,
    /** (3) turn them public-interest 公益自组织. */
    TURN_PUBLIC_INTEREST,
    /** (4) public-spirit education 公共精神教育. */
    PUBLIC_SPIRIT_EDUCATION,
    /** (5) a pivot project 支点项目. */
    PIVOT_PROJECT,
    /** (6) a standing multi-party deliberation platform 多方协商平台. */
    DELIBERATION_PLATFORM;

    /** The step number, 1 to 6, as operators and the API speak of it. */
    public int step() {
        return ordinal() + 1;
    }

    public static Optional<CommunityStage> ofStep(int step) {
        return step >= 1 && step <= values().length ? Optional.of(values()[step - 1]) : Optional.empty();
    }
}
