package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * F8: who a payment went to, shown in the public ledger: an organisation (its code in the registry) or a
 * named supplier. A company's name is not personal data; a person's phone or ID number is, so a payee that
 * looks like one is refused.
 */
public final class Payee {

    /** The width of {@code payment.payee}. */
    public static final int MAX = 100;

    /** A mainland mobile number (11 digits from 1[3-9]), with or without +86 and separators. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?86)?1[3-9]\\d{9}(?!\\d)");
    /** A resident ID number 居民身份证号: 17 digits and a digit or X (or the old 15-digit form). */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(?:\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");

    private Payee() {
    }

    // F8: a payee is an organisation or a supplier by name, never a person's phone or ID number
    public static Optional<Rejection> check(String payee) {
        if (payee == null || payee.isBlank()) {
            return Optional.of(new Rejection("F8", "a payment names its payee (an organisation code or a supplier's name)"));
        }
        if (payee.codePointCount(0, payee.length()) > MAX) {
            return Optional.of(new Rejection("F8", "a payee is at most " + MAX + " characters"));
        }
        String compact = payee.replaceAll("[\\s-]", "");
        if (PHONE.matcher(compact).find()) {
            return Optional.of(new Rejection("F8", "the payee looks like a person's phone number; the public ledger carries "
                    + "no personal data: name the organisation or supplier"));
        }
        if (ID_NUMBER.matcher(compact).find()) {
            return Optional.of(new Rejection("F8", "the payee looks like a person's ID number; the public ledger carries "
                    + "no personal data: name the organisation or supplier"));
        }
        return Optional.empty();
    }
}
