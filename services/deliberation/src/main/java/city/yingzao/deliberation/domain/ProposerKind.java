package city.yingzao.deliberation.domain;

/**
 * Who put an item on the agenda (D4): the community party organisation 党组织, the self-governance
 * organisation 居委会/村委会 (community staff file for either and say which), a council member, or
 * residents 居民 jointly.
 */
public enum ProposerKind {
    PARTY_ORGANISATION,
    COMMITTEE,
    COUNCIL_MEMBER,
    RESIDENTS
}
