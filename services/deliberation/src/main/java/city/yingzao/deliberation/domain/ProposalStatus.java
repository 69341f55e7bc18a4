package city.yingzao.deliberation.domain;

/**
 * The life of a proposal 议题: residents' proposals collect co-signatures first (D4); then the party
 * reviewer approves it as an agenda item or rejects it with a reason (D5); an approved item is
 * scheduled into a meeting and decided there.
 */
public enum ProposalStatus {
    COLLECTING_SIGNATURES,
    AWAITING_REVIEW,
    APPROVED,
    REJECTED,
    SCHEDULED,
    DECIDED
}
