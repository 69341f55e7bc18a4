package city.yingzao.replica;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.testing.Redelivered;
import city.yingzao.testing.TestEvents;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static city.yingzao.contracts.EventType.COMMUNITY_SNAPSHOT;
import static city.yingzao.contracts.EventType.HOUSEHOLD_SNAPSHOT;
import static city.yingzao.contracts.EventType.ORGANISATION_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4: each registry snapshot type delivered twice under the same {@code ce_id} (as the
 * relay redelivers after a lost acknowledgement), then an older revision after the newer one (as a
 * dead-letter replay or a rebuilt topic can deliver it): the replica holds one row at the newest
 * revision, and the inbox holds each id once.
 */
@QuarkusTest
@Redelivered({COMMUNITY_SNAPSHOT, HOUSEHOLD_SNAPSHOT, ORGANISATION_SNAPSHOT})
@DisplayName("Duplicate and out-of-order redelivery of every registry snapshot changes the replica once")
class DuplicateRedeliveryTest {

    static final Instant AT = Instant.parse("2026-12-02T04:00:00Z");

    @Inject
    RegistryReplica replica;

    @Test
    @DisplayName("CommunitySnapshot twice, then an older revision: one community at the newest revision, its groups and courtyard once")
    void communitySnapshot() {
        String code = RegistryFeed.freshCommunity();
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        TestEvents.publish(community(code, "新名", 2), newer);
        TestEvents.publish(community(code, "新名", 2), newer);
        TestEvents.publish(community(code, "旧名", 1), older);
        awaitProcessed(newer, older);

        assertThat(TestPostgres.count("select count(*) from replica_community where code = ?", code)).isEqualTo(1);
        assertThat(replica.community(code)).get().satisfies(c -> {
            assertThat(c.name()).isEqualTo("新名");
            assertThat(c.revision()).isEqualTo(2);
        });
        assertThat(TestPostgres.count("select count(*) from replica_group where community_code = ?", code)).isEqualTo(2);
        assertThat(TestPostgres.count("select count(*) from replica_courtyard where community_code = ?", code)).isEqualTo(1);
        assertInboxOnce(newer, older);
    }

    @Test
    @DisplayName("HouseholdSnapshot twice, then an older revision: one household, still moved out at the newest revision")
    void householdSnapshot() {
        String community = RegistryFeed.freshCommunity();
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        TestEvents.publish(household(community, false, 2), newer);
        TestEvents.publish(household(community, false, 2), newer);
        TestEvents.publish(household(community, true, 1), older);
        awaitProcessed(newer, older);

        assertThat(TestPostgres.count("select count(*) from replica_household where community_code = ?", community)).isEqualTo(1);
        assertThat(TestPostgres.count("select revision from replica_household where community_code = ?", community)).isEqualTo(2);
        assertThat(replica.householdActive(community, "H0001")).isFalse();
        assertInboxOnce(newer, older);
    }

    @Test
    @DisplayName("OrganisationSnapshot twice, then an older revision: one organisation under its newest name")
    void organisationSnapshot() {
        String community = RegistryFeed.freshCommunity();
        String code = "ORG-" + community;
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        TestEvents.publish(organisation(community, code, "新名称", 2), newer);
        TestEvents.publish(organisation(community, code, "新名称", 2), newer);
        TestEvents.publish(organisation(community, code, "旧名称", 1), older);
        awaitProcessed(newer, older);

        assertThat(replica.organisationsWithCode(code)).singleElement()
                .satisfies(o -> assertThat(o.name()).isEqualTo("新名称"));
        assertThat(TestPostgres.count("select revision from replica_organisation where code = ?", code)).isEqualTo(2);
        assertInboxOnce(newer, older);
    }

    static CommunitySnapshotV1 community(String code, String name, long revision) {
        return new CommunitySnapshotV1(code, name, "URBAN", "510104", "MAIN_URBAN", "510104021", 2350, 3,
                List.of(new CommunitySnapshotV1.ResidentGroup("G01", "一组"), new CommunitySnapshotV1.ResidentGroup("G02", "二组")),
                List.of(new CommunitySnapshotV1.Courtyard("Y01", "水井坊院落", "G01")), revision, AT.plusSeconds(revision));
    }

    static HouseholdSnapshotV1 household(String community, boolean active, long revision) {
        return new HouseholdSnapshotV1("H0001", community, "G01", "Y01", active, revision, AT.plusSeconds(revision));
    }

    static OrganisationSnapshotV1 organisation(String community, String code, String name, long revision) {
        return new OrganisationSnapshotV1(code, community, name, "SOCIAL_ORGANISATION", LocalDate.of(2015, 3, 12), true, revision,
                AT.plusSeconds(revision));
    }

    /** Both ids recorded: the consumer has read past the duplicate and the older revision (ordered per key). */
    static void awaitProcessed(UUID... ids) {
        TestEvents.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                (Object) ids(ids)) == ids.length, "the deliveries applied or skipped");
    }

    static void assertInboxOnce(UUID... ids) {
        for (UUID id : ids) {
            assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", id)).as("inbox row of " + id)
                    .isEqualTo(1);
        }
    }

    static String[] ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(UUID::toString).toArray(String[]::new);
    }
}
