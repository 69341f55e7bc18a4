package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * D8: the two phases of a secret ballot as a state machine. While {@code ISSUING} present members
 * take their one credential each and nothing can be cast; the chair closes issuance, the private
 * key is destroyed and the box is {@code CASTING}: ballots are taken, no credential is issued any
 * more; the chair closes the vote and the box is {@code CLOSED}: counted, published. Because every
 * issuance happens before any cast, no one can order a ballot against a credential.
 */
public enum BallotBoxState {
    ISSUING,
    CASTING,
    CLOSED;

    public static final String RULE = "D8";

    // D8: credentials only in the issuance phase
    public Optional<Rejection> mayIssue() {
        return this == ISSUING ? Optional.empty()
                : refuse(this == CASTING ? "issuance is closed: casting has begun, no more credentials" : "the ballot box is closed");
    }

    // D8: ballots only once issuance is closed, so no cast can be ordered against a credential
    public Optional<Rejection> mayCast() {
        return this == CASTING ? Optional.empty()
                : refuse(this == ISSUING ? "casting opens when the chair closes the issuance of credentials" : "the ballot box is closed");
    }

    // D8: issuance is closed once, by the chair, whether or not every present member took a credential
    public Optional<Rejection> mayCloseIssuance() {
        return this == ISSUING ? Optional.empty() : refuse("issuance is already closed");
    }

    // D8: the vote is closed after the casting phase
    public Optional<Rejection> mayClose() {
        return this == CASTING ? Optional.empty()
                : refuse(this == ISSUING ? "close the issuance of credentials first, then let members cast" : "the ballot box is closed already");
    }

    /** The state after closing issuance; throws when not allowed (check {@link #mayCloseIssuance()} first). */
    public BallotBoxState closeIssuance() {
        require(mayCloseIssuance());
        return CASTING;
    }

    /** The state after closing the vote; throws when not allowed (check {@link #mayClose()} first). */
    public BallotBoxState close() {
        require(mayClose());
        return CLOSED;
    }

    /** D8: a ballot beyond the number of credentials issued is refused, however valid its signature looks. */
    public static Optional<Rejection> withinIssued(long cast, int issued) {
        return cast < issued ? Optional.empty()
                : refuse(issued + " credentials were issued and " + cast + " ballots are in the box: one credential, one ballot");
    }

    private static void require(Optional<Rejection> check) {
        check.ifPresent(r -> {
            throw new IllegalStateException(r.reason());
        });
    }

    private static Optional<Rejection> refuse(String reason) {
        return Optional.of(new Rejection(RULE, reason));
    }
}
