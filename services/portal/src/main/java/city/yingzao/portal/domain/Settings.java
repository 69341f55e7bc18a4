package city.yingzao.portal.domain;

import java.time.Instant;

/** A service's audited settings (kernel {@code /api/settings}): what is in force, its default, and every change. */
public final class Settings {

    private Settings() {
    }

    /** The services whose settings an operator may see, in the order of the page. */
    public static final java.util.List<String> SERVICES = java.util.List.of("registry", "finance", "deliberation", "grants",
            "evaluation", "training");

    public record Setting(String key, String rule, String description, String value, String defaultValue, String updatedBy,
                          Instant updatedAt) {

        public boolean changed() {
            return updatedAt != null;
        }
    }

    public record Change(String key, String oldValue, String newValue, String reason, String changedBy, Instant changedAt) {
    }

    public record ChangeRequest(String value, String reason) {
    }
}
