package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * D5: the party organisation reviews every proposal; only an approved one becomes a formal agenda
 * item, and a rejection carries a reason the proposers read.
 */
public final class PartyReviewPolicy {

    public static final String RULE = "D5";

    private PartyReviewPolicy() {
    }

    // D5: only a proposal awaiting review is reviewed; a rejection needs a reason
    public static Optional<Rejection> check(ProposalStatus status, boolean approve, String reason) {
        if (status != ProposalStatus.AWAITING_REVIEW) {
            return Optional.of(new Rejection(RULE, "a proposal that is " + status.name().toLowerCase().replace('_', ' ')
                    + " cannot be reviewed"));
        }
        if (!approve && (reason == null || reason.isBlank())) {
            return Optional.of(new Rejection(RULE, "a rejection needs a reason the proposers can read"));
        }
        return Optional.empty();
    }

    // D5: only an approved proposal is put on a meeting's agenda
    public static Optional<Rejection> mayBeScheduled(String proposalId, ProposalStatus status) {
        return status == ProposalStatus.APPROVED ? Optional.empty()
                : Optional.of(new Rejection(RULE, "proposal " + proposalId + " is " + status.name().toLowerCase().replace('_', ' ')
                        + "; only an approved proposal becomes an agenda item"));
    }
}
