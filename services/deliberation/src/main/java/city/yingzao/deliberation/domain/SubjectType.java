package city.yingzao.deliberation.domain;

/** What a proposal, and the resolution it may become, is about; carried on {@code deliberation.resolutions}. */
public enum SubjectType {
    /** A fund-use project of the community's public finance; the reference is the finance project id (F6 step 4). */
    FUND_PROJECT,
    /** A new version of a convention 公约 (D12); the reference is the convention id. */
    CONVENTION,
    /** Anything else; the reference is free text or empty. */
    GENERAL
}
