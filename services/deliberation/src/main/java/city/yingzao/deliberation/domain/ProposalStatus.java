package city.yingzao.deliberation.domain;

/**
 * The life of a proposal 议题: residents' proposals collect co-signatures first (D4); then the party
 * reviewer approves it as an agenda item or rejects it with a reason (D5); an approved item is
 * scheduled into a meeting and decided there. Until it is scheduled, whoever filed it (or the
 * community's staff) may withdraw it with a reason.
 */
public enum ProposalStatus {
    COLLECTING_SIGNATURES,
    AWAITING_REVIEW,
    APPROVED,
    REJECTED,
    SCHEDULED,
    DECIDED,
    WITHDRAWN;

    /** Whether the proposal may still be withdrawn: not once it is on a meeting's agenda or done with. */
    public boolean withdrawable() {
        return this == COLLECTING_SIGNATURES || this == AWAITING_REVIEW || this == APPROVED;
    }
}
