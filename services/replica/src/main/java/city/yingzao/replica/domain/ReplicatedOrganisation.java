package city.yingzao.replica.domain;

import java.time.LocalDate;

/**
 * An organisation of a community (P4) as the registry last announced it.
 *
 * @param code          organisation code (what an agency user's {@code org} claim names)
 * @param communityCode the community it belongs to
 * @param name          registered name
 * @param type          {@code SOCIAL_ORGANISATION}, {@code COMMITTEE}, ...
 * @param registeredOn  the day it was registered
 * @param active        false once deregistered
 */
public record ReplicatedOrganisation(String code, String communityCode, String name, String type,
                                     LocalDate registeredOn, boolean active) {
}
