package city.yingzao.registry.domain;

/** The kinds of organisation in a community (P4). */
public enum OrganisationType {
    /** 党组织 the community party organisation; reviews proposals (D5). At most one per community. */
    PARTY_ORGANISATION,
    /** 居委会/村委会 residents' or villagers' committee, the self-governance organisation that executes. At most one per community. */
    COMMITTEE,
    /** 社会组织 social organisation: hub/platform, support or companion. */
    SOCIAL_ORGANISATION,
    /** 居民自组织 resident self-organisation. */
    SELF_ORGANISATION,
    /** 社区社会企业 community social enterprise. */
    SOCIAL_ENTERPRISE,
    /** 社区基金(会) community foundation or micro-fund. */
    FOUNDATION;

    /** The organisations a community has at most one of: the one that leads and the one that executes. */
    public boolean isUniquePerCommunity() {
        return this == PARTY_ORGANISATION || this == COMMITTEE;
    }
}
