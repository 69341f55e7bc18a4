package city.yingzao.kernel.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A number of the programme that an operator may change at run time, with its default from
 * configuration and its rule. A service declares its definitions as CDI beans
 * ({@code @Produces SettingDefinition}); {@link Settings} serves, validates and audits them.
 *
 * @param key          stable name, e.g. {@code coverage.target}
 * @param rule         the rule of {@code domain-rules.md} the number belongs to, e.g. {@code P2}
 * @param description  what the number means, for the operator
 * @param defaultValue the configured default, as text
 * @param check        empty when a candidate value is acceptable, else why not
 */
public record SettingDefinition(String key, String rule, String description, String defaultValue,
                                Function<String, Optional<String>> check) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (check.apply(defaultValue).isPresent()) {
            throw new IllegalArgumentException("the default of " + key + " is not acceptable: " + check.apply(defaultValue).get());
        }
    }

    /** A decimal number within [min, max]. */
    public static SettingDefinition decimal(String key, String rule, String description, double defaultValue,
            double min, double max) {
        return new SettingDefinition(key, rule, description, String.valueOf(defaultValue), v -> {
            try {
                double d = Double.parseDouble(v);
                return d >= min && d <= max && !Double.isNaN(d) ? Optional.empty()
                        : Optional.of("must be between " + min + " and " + max);
            } catch (NumberFormatException e) {
                return Optional.of("must be a number");
            }
        });
    }

    /** A whole number within [min, max]. */
    public static SettingDefinition whole(String key, String rule, String description, long defaultValue,
            long min, long max) {
        return new SettingDefinition(key, rule, description, String.valueOf(defaultValue), v -> {
            try {
                long n = Long.parseLong(v.trim());
                return n >= min && n <= max ? Optional.empty() : Optional.of("must be between " + min + " and " + max);
            } catch (NumberFormatException e) {
                return Optional.of("must be a whole number");
            }
        });
    }
}
