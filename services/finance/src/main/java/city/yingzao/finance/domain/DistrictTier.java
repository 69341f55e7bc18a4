package city.yingzao.finance.domain;

/** Which ring of the city a district lies in; decides who pays the allocation (F4). */
public enum DistrictTier {
    /** 中心城区: the district pays everything by default. */
    MAIN_URBAN,
    /** 近郊: city and district 5:5 by default. */
    NEAR_SUBURB,
    /** 远郊: city and county 7:3 by default. */
    FAR_SUBURB
}
