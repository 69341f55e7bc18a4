package city.yingzao.registry.domain;

/** Tier of a district 区/市/县 (P1); decides who pays a community's allocation (F4). */
public enum DistrictTier {
    /** 主城区 main urban district. */
    MAIN_URBAN,
    /** 近郊 near suburb. */
    NEAR_SUBURB,
    /** 远郊 far suburb. */
    FAR_SUBURB
}
