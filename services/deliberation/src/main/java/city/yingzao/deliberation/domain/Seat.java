package city.yingzao.deliberation.domain;

import java.util.Objects;

/**
 * A seat on a council, as the composition rules see it: who holds it, for which resident group,
 * and whether the holder is a community or group cadre 干部 (D3).
 */
public record Seat(String personId, String groupCode, boolean cadre) {

    public Seat {
        Objects.requireNonNull(personId, "personId");
    }
}
