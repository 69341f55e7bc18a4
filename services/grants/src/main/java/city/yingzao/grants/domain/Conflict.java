package city.yingzao.grants.domain;

/**
 * A conflict of interest between a reviewer and an application (G3). HARD and DECLARED exclude the
 * reviewer (never assigned, never shown the application); SOFT warns the operator.
 */
public record Conflict(String personId, String applicationId, Level level, String reason) {

    public enum Level { HARD, SOFT, DECLARED }

    public boolean excludes() {
        return level != Level.SOFT;
    }
}
