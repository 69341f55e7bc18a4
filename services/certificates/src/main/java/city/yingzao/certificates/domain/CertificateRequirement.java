package city.yingzao.certificates.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * E2 / G5: a person may be given work that needs a certificate only while they hold one of the scheme
 * that is current now and stays valid until the work ends (for an evaluation: its window plus the
 * appeal window). The rule id is the caller's (E2 for evaluators, G5 for supervisors, G3 for a call
 * that requires certified reviewers), so the refusal names the rule the person reads about.
 */
public final class CertificateRequirement {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private CertificateRequirement() {
    }

    /**
     * @param rule          the rule the work is assigned under, e.g. {@code E2}
     * @param personId      who would be assigned
     * @param scheme        the scheme the work needs
     * @param held          every certificate of that person (any scheme, any state)
     * @param now           the time of the assignment
     * @param mustHoldUntil when the work ends; the certificate must still be valid then
     * @return why not, or empty when the person may be assigned
     */
    public static Optional<Rejection> check(String rule, String personId, String scheme, List<HeldCertificate> held,
                                            Instant now, Instant mustHoldUntil) {
        List<HeldCertificate> ofScheme = held.stream().filter(c -> c.scheme().equals(scheme)).toList();
        if (ofScheme.isEmpty()) {
            return reject(rule, personId + " holds no " + scheme + " certificate");
        }
        Optional<HeldCertificate> valid = ofScheme.stream().filter(c -> c.validAt(now))
                .max(Comparator.comparing(HeldCertificate::validUntil));
        if (valid.isPresent()) {
            HeldCertificate c = valid.get();
            if (c.validUntil().isBefore(mustHoldUntil)) {
                return reject(rule, personId + "'s " + scheme + " certificate " + c.code() + " is valid until "
                        + day(c.validUntil()) + ", before the work ends on " + day(mustHoldUntil));
            }
            return Optional.empty();
        }
        HeldCertificate latest = ofScheme.stream().max(Comparator.comparing(HeldCertificate::validUntil)).orElseThrow();
        String state = switch (latest.status()) {
            case REVOKED -> "is revoked";
            case SUSPENDED -> "is suspended";
            case EXPIRED -> "expired on " + day(latest.validUntil());
            case CURRENT -> now.isBefore(latest.validFrom()) ? "is valid only from " + day(latest.validFrom())
                    : "expired on " + day(latest.validUntil());
        };
        return reject(rule, personId + "'s " + scheme + " certificate " + latest.code() + " " + state);
    }

    private static Optional<Rejection> reject(String rule, String reason) {
        return Optional.of(new Rejection(rule, reason));
    }

    /** The Asia/Shanghai day of an instant. */
    private static String day(Instant at) {
        return at.atZone(CHINA).toLocalDate().format(DAY);
    }
}
