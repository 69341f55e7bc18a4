package city.yingzao.deliberation.domain;

/** What a secret ballot says. */
public enum Choice {
    YES,
    NO,
    ABSTAIN
}
