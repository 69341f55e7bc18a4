package city.yingzao.kernel.rules;

import java.util.Objects;

/**
 * A rule of {@code domain-rules.md} that did not hold, said so that a person can read it:
 * {@code new Rejection("D6", "19 of 25 members present, 20 needed")}. Plain Java, so domain
 * policies may return it.
 */
public record Rejection(String rule, String reason) {

    public Rejection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code "D6: 19 of 25 members present, 20 needed"}. */
    public String message() {
        return rule + ": " + reason;
    }
}
