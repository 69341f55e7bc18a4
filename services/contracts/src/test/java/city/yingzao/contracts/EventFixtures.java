package city.yingzao.contracts;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1.Courtyard;
import city.yingzao.contracts.registry.CommunitySnapshotV1.ResidentGroup;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;

import java.time.Instant;
import java.util.List;

/** One realistic sample of every event type, named after what it shows. */
final class EventFixtures {

    static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    static IntegrationEvent sampleOf(EventType type) {
        return switch (type) {
            case COMMUNITY_SNAPSHOT -> shuijingfangWithTwoGroups();
            case HOUSEHOLD_SNAPSHOT -> householdInGroupOne();
        };
    }

    static CommunitySnapshotV1 shuijingfangWithTwoGroups() {
        return new CommunitySnapshotV1("510104021001", "水井坊社区", "URBAN", "510104", "MAIN_URBAN", "510104021",
                2350, 3,
                List.of(new ResidentGroup("G01", "第一居民小组"), new ResidentGroup("G02", "第二居民小组")),
                List.of(new Courtyard("Y01", "水井坊院落", "G01"), new Courtyard("Y02", "交子院落", null)),
                7, NOON);
    }

    static HouseholdSnapshotV1 householdInGroupOne() {
        return new HouseholdSnapshotV1("H0001", "510104021001", "G01", null, true, 1, NOON);
    }

    private EventFixtures() {
    }
}
