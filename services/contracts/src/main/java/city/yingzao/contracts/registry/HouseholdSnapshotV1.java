package city.yingzao.contracts.registry;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * The current state of one registered household 户, published on every change to the compacted
 * topic {@code registry.households}. One household casts one vote (F7), so consumers that run
 * household votes keep this list.
 *
 * @param code          household code, unique within its community
 * @param communityCode community the household is registered in
 * @param groupCode     its resident group
 * @param courtyardCode its courtyard, or null
 * @param active        false once the household has moved out (kept so consumers can drop it)
 * @param revision      increases with every change of this household
 * @param updatedAt     when this revision was made
 */
public record HouseholdSnapshotV1(
        String code,
        String communityCode,
        String groupCode,
        String courtyardCode,
        boolean active,
        long revision,
        Instant updatedAt) implements IntegrationEvent {

    @Override
    public String recordKey() {
        return communityCode + ":" + code;
    }
}
