package city.yingzao.registry.api;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static city.yingzao.registry.api.Registry.as;
import static city.yingzao.registry.api.Registry.cityOperator;
import static city.yingzao.registry.api.Registry.communityStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Resident groups, courtyards, households and organisations of one community. */
@QuarkusTest
class CommunityMembersApiTest {

    @Test
    @DisplayName("groups and courtyards become part of the community's snapshot, each change a new revision")
    void groupsAndCourtyardsArePublished() {
        String community = Registry.community();
        as(communityStaff(community)).body(Map.of("code", "G01", "name", "第一居民小组"))
                .post("/api/communities/" + community + "/groups")
                .then().statusCode(201).header("Location", endsWith("/api/communities/" + community + "/groups/G01"));
        as(communityStaff(community)).body(Map.of("code", "Y01", "name", "水井坊院落", "groupCode", "G01"))
                .post("/api/communities/" + community + "/courtyards")
                .then().statusCode(201).body("groupCode", equalTo("G01"));
        as(communityStaff(community)).body(Map.of("code", "Y02", "name", "跨组院落"))
                .post("/api/communities/" + community + "/courtyards").then().statusCode(201);

        as(cityOperator()).get("/api/communities/" + community).then()
                .body("revision", equalTo(4))
                .body("groups.code", contains("G01"))
                .body("courtyards.code", contains("Y01", "Y02"));
        CommunitySnapshotV1 snapshot = Registry.communitySnapshot(community, 4).orElseThrow();
        assertThat(snapshot.residentGroups()).containsExactly(new CommunitySnapshotV1.ResidentGroup("G01", "第一居民小组"));
        assertThat(snapshot.courtyards()).containsExactly(new CommunitySnapshotV1.Courtyard("Y01", "水井坊院落", "G01"),
                new CommunitySnapshotV1.Courtyard("Y02", "跨组院落", null));
    }

    @Test
    @DisplayName("P1 a courtyard in a group of another community is refused, and the community does not change")
    void courtyardInForeignGroup() {
        String community = Registry.community();
        String other = Registry.community();
        Registry.group(other, "G09");
        as(cityOperator()).body(Map.of("code", "Y01", "name", "x", "groupCode", "G09"))
                .post("/api/communities/" + community + "/courtyards")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:P1"))
                .body("detail", equalTo("P1: resident group G09 is not a group of community " + community));
        as(cityOperator()).get("/api/communities/" + community).then().body("revision", equalTo(1)).body("courtyards", hasSize(0));
        assertThat(Registry.outboxRowsAbout(community)).isEqualTo(1);
    }

    @Test
    @DisplayName("a household is registered and published on registry.households keyed community:household")
    void householdIsPublished() {
        String community = Registry.community();
        Registry.group(community, "G01");
        Registry.courtyard(community, "Y01", "G01");
        as(communityStaff(community)).body(Map.of("code", "H0001", "groupCode", "G01", "courtyardCode", "Y01"))
                .post("/api/communities/" + community + "/households")
                .then().statusCode(201).header("Location", endsWith("/households/H0001")).body("active", equalTo(true));

        ConsumerRecord<String, String> record = Registry.latest(Topics.REGISTRY_HOUSEHOLDS, community + ":H0001", v -> true).orElseThrow();
        assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo("city.yingzao.registry.HouseholdSnapshot.v1");
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(community);
        assertThat(EventSchemas.violations(EventType.HOUSEHOLD_SNAPSHOT, record.value())).isEmpty();
        HouseholdSnapshotV1 snapshot = EventJson.read(record.value(), HouseholdSnapshotV1.class);
        assertThat(snapshot.groupCode()).isEqualTo("G01");
        assertThat(snapshot.courtyardCode()).isEqualTo("Y01");
        assertThat(snapshot.revision()).isEqualTo(1);
        // registering a household changes nothing else: the community keeps its revision
        as(cityOperator()).get("/api/communities/" + community).then().body("revision", equalTo(3));
        as(communityStaff(community)).get("/api/communities/" + community + "/households")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].code", equalTo("H0001"));
    }

    @Test
    @DisplayName("a household that moves out is published again, inactive, with its next revision")
    void householdMovesOut() {
        String community = Registry.community();
        Registry.group(community, "G01");
        Registry.group(community, "G02");
        as(communityStaff(community)).body(Map.of("code", "H0007", "groupCode", "G01"))
                .post("/api/communities/" + community + "/households").then().statusCode(201);

        as(communityStaff(community)).body(Map.of("groupCode", "G02", "active", false))
                .put("/api/communities/" + community + "/households/H0007")
                .then().statusCode(200).body("active", equalTo(false)).body("revision", equalTo(2));

        ConsumerRecord<String, String> record = Registry.latest(Topics.REGISTRY_HOUSEHOLDS, community + ":H0007",
                v -> EventJson.read(v, HouseholdSnapshotV1.class).revision() == 2).orElseThrow();
        HouseholdSnapshotV1 snapshot = EventJson.read(record.value(), HouseholdSnapshotV1.class);
        assertThat(snapshot.active()).isFalse();
        assertThat(snapshot.groupCode()).isEqualTo("G02");
    }

    @Test
    @DisplayName("P1 a household cannot move to a group of another community, and staff of another community cannot move it")
    void householdMoveRefused() {
        String community = Registry.community();
        Registry.group(community, "G01");
        as(cityOperator()).body(Map.of("code", "H0008", "groupCode", "G01"))
                .post("/api/communities/" + community + "/households").then().statusCode(201);

        as(cityOperator()).body(Map.of("groupCode", "G09", "active", true))
                .put("/api/communities/" + community + "/households/H0008")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:P1"));
        as(communityStaff("510184110201")).body(Map.of("groupCode", "G01", "active", false))
                .put("/api/communities/" + community + "/households/H0008")
                .then().statusCode(403);
        as(cityOperator()).get("/api/communities/" + community + "/households/H0008")
                .then().statusCode(200).body("revision", equalTo(1)).body("active", equalTo(true));
    }

    @Test
    @DisplayName("P1 a household in a group or courtyard its community does not have is refused, and nothing is stored")
    void householdInUnknownGroup() {
        String community = Registry.community();
        Registry.group(community, "G01");
        as(cityOperator()).body(Map.of("code", "H0001", "groupCode", "G02"))
                .post("/api/communities/" + community + "/households")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:P1"));
        as(cityOperator()).body(Map.of("code", "H0001", "groupCode", "G01", "courtyardCode", "Y77"))
                .post("/api/communities/" + community + "/households")
                .then().statusCode(422).body("detail", equalTo("P1: courtyard Y77 is not a courtyard of community " + community));
        as(cityOperator()).body(Map.of("code", "H0001", "groupCode", "G01"))
                .post("/api/communities/" + Registry.unique("C") + "/households").then().statusCode(404);
        as(cityOperator()).get("/api/communities/" + community + "/households").then().body("totalItems", equalTo(0));
        assertThat(Registry.count("select count(*) from outbox_message where ce_subject = ? and topic = 'registry.households'", community)).isZero();
    }

    @Test
    @DisplayName("a household registered twice answers 409")
    void duplicateHousehold() {
        String community = Registry.community();
        Registry.group(community, "G01");
        as(cityOperator()).body(Map.of("code", "H0001", "groupCode", "G01")).post("/api/communities/" + community + "/households")
                .then().statusCode(201);
        as(cityOperator()).body(Map.of("code", "H0001", "groupCode", "G01")).post("/api/communities/" + community + "/households")
                .then().statusCode(409);
    }

    @Test
    @DisplayName("P4 a second party organisation in a community is refused with 422 naming rule P4, and nothing is stored")
    void secondPartyOrganisation() {
        String community = Registry.community();
        as(communityStaff(community)).body(Map.of("code", "ORG-1", "name", "水井坊社区党委", "type", "PARTY_ORGANISATION"))
                .post("/api/communities/" + community + "/organisations").then().statusCode(201);
        as(communityStaff(community)).body(Map.of("code", "ORG-2", "name", "另一个党委", "type", "PARTY_ORGANISATION"))
                .post("/api/communities/" + community + "/organisations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yingzao:problem:rule:P4"))
                .body("detail", equalTo("P4: community " + community + " already has a party organisation 党组织; a community has at most one"));
        as(communityStaff(community)).body(Map.of("code", "ORG-3", "name", "居委会", "type", "COMMITTEE"))
                .post("/api/communities/" + community + "/organisations").then().statusCode(201);
        as(communityStaff(community)).body(Map.of("code", "ORG-4", "name", "社工机构", "type", "SOCIAL_ORGANISATION"))
                .post("/api/communities/" + community + "/organisations").then().statusCode(201);

        as(Registry.resident(community)).get("/api/communities/" + community + "/organisations")
                .then().statusCode(200).body("code", contains("ORG-1", "ORG-3", "ORG-4"));
    }

    @Test
    @DisplayName("an organisation is published on registry.organisations with its registration day, keyed community:code")
    void organisationIsPublished() {
        String community = Registry.community();
        as(communityStaff(community)).body(Map.of("code", "ORG-SW-9", "name", "社区营造支持中心", "type", "SOCIAL_ORGANISATION",
                        "registeredOn", "2015-03-12"))
                .post("/api/communities/" + community + "/organisations")
                .then().statusCode(201).body("registeredOn", equalTo("2015-03-12"));

        ConsumerRecord<String, String> record = Registry.latest(Topics.REGISTRY_ORGANISATIONS, community + ":ORG-SW-9", v -> true)
                .orElseThrow();
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(community);
        assertThat(EventSchemas.violations(EventType.ORGANISATION_SNAPSHOT, record.value())).isEmpty();
        OrganisationSnapshotV1 snapshot = EventJson.read(record.value(), OrganisationSnapshotV1.class);
        assertThat(snapshot.type()).isEqualTo("SOCIAL_ORGANISATION");
        assertThat(snapshot.registeredOn()).isEqualTo(java.time.LocalDate.of(2015, 3, 12));
        assertThat(snapshot.revision()).isEqualTo(1);
    }

    @Test
    @DisplayName("an organisation registered in the future is refused with 400, and nothing is stored")
    void organisationFromTheFuture() {
        String community = Registry.community();
        as(communityStaff(community)).body(Map.of("code", "ORG-X", "name", "未来机构", "type", "SOCIAL_ORGANISATION",
                        "registeredOn", "2999-01-01"))
                .post("/api/communities/" + community + "/organisations").then().statusCode(400);
        as(communityStaff(community)).get("/api/communities/" + community + "/organisations")
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
