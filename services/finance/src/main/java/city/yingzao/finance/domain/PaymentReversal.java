package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * F8: a payment made in error is never edited or deleted; a reversing entry undoes it, naming it, with a
 * reason, posted by a second person, once.
 */
public final class PaymentReversal {

    private PaymentReversal() {
    }

    // F8: an entry is reversed once (a conflict with the ledger's state)
    public static Optional<Rejection> once(boolean alreadyReversed) {
        return alreadyReversed
                ? Optional.of(new Rejection("F8", "the payment was reversed already; an entry is reversed once"))
                : Optional.empty();
    }

    // F8: four eyes: the one who posted the payment does not reverse it
    public static Optional<Rejection> fourEyes(String postedBy, String reverser) {
        if (postedBy.equals(reverser)) {
            return Optional.of(new Rejection("F8", "a payment is reversed by a second person, not the one who posted it"));
        }
        return Optional.empty();
    }
}
