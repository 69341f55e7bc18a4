package city.yingzao.replica;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.testing.TestKafka;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The registry as the replica sees it: snapshots on its two compacted topics, with CloudEvents headers. */
public final class RegistryFeed {

    private RegistryFeed() {
    }

    /** A community code no other test uses. */
    public static String freshCommunity() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase();
    }

    /** 水井坊社区-like: two resident groups, one courtyard in the first. */
    public static CommunitySnapshotV1 community(String code, String name, long revision) {
        return new CommunitySnapshotV1(code, name, "URBAN", "510104", "MAIN_URBAN", "510104021", 2350, 3,
                List.of(new CommunitySnapshotV1.ResidentGroup("G01", "一组"), new CommunitySnapshotV1.ResidentGroup("G02", "二组")),
                List.of(new CommunitySnapshotV1.Courtyard("Y01", "水井坊院落", "G01")),
                revision, Instant.parse("2026-11-29T04:00:00Z"));
    }

    public static HouseholdSnapshotV1 household(String community, String code, boolean active, long revision) {
        return new HouseholdSnapshotV1(code, community, "G01", "Y01", active, revision, Instant.parse("2026-11-29T04:00:00Z"));
    }

    /** A social organisation registered in 2015, e.g. an agency that applies for grants. */
    public static OrganisationSnapshotV1 organisation(String community, String code, String name, long revision) {
        return new OrganisationSnapshotV1(code, community, name, "SOCIAL_ORGANISATION", LocalDate.of(2015, 3, 12), true,
                revision, Instant.parse("2026-11-29T04:00:00Z"));
    }

    /** Publishes the snapshot with a new event id; returns the id. */
    public static String publish(IntegrationEvent snapshot) {
        String id = UUID.randomUUID().toString();
        publish(snapshot, id);
        return id;
    }

    public static void publish(IntegrationEvent snapshot, String eventId) {
        String topic = EventType.of(snapshot.getClass()).topic();
        TestKafka.send(topic, snapshot.recordKey(), EventJson.write(snapshot), Map.of("ce_id", eventId,
                "ce_type", EventType.of(snapshot.getClass()).ceType(), "ce_subject", snapshot.communityCode(),
                "ce_specversion", "1.0", "ce_source", "/yingzao/registry"));
    }

    /** Publishes a record that is not a snapshot at all, under a valid event id. */
    public static String publishUnreadable(String community, String key) {
        String id = UUID.randomUUID().toString();
        TestKafka.send(Topics.REGISTRY_HOUSEHOLDS, community + ":" + key, "{\"code\": [not json", Map.of("ce_id", id,
                "ce_type", EventType.of(HouseholdSnapshotV1.class).ceType(), "ce_subject", community,
                "ce_specversion", "1.0", "ce_source", "/yingzao/registry"));
        return id;
    }
}
