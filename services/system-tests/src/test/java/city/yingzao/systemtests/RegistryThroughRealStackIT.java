package city.yingzao.systemtests;

import city.yingzao.testing.TestKafka;
import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The packaged registry against real Keycloak tokens, a real PostgreSQL and a real broker: what an
 * operator does is answered as the API says, and becomes a CloudEvent on {@code registry.communities}.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("The registry through the real stack")
class RegistryThroughRealStackIT {

    static final String DISTRICT = "510104";
    static final String STREET = "510104021";
    static final String COMMUNITY = "510104021001";

    private static SystemUnderTest sut;
    private static String registry;

    @BeforeAll
    static void territory(SystemUnderTest system) {
        sut = system;
        registry = sut.registryUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RegistryApi api = new RegistryApi(registry);
        String operator = sut.token("city-operator");
        api.ensure("/api/districts", operator, RegistryApi.district(DISTRICT, "锦江区", "MAIN_URBAN"));
        api.ensure("/api/streets", operator, RegistryApi.street(STREET, "水井坊街道", DISTRICT));
        api.ensure("/api/communities", operator, RegistryApi.community(COMMUNITY, "水井坊社区", STREET, 2350, 3));
    }

    private static RequestSpecification as(String user) {
        RequestSpecification spec = RestAssured.given().baseUri(registry).contentType(ContentType.JSON).accept(ContentType.JSON);
        return user == null ? spec : spec.auth().oauth2(sut.token(user));
    }

    @Test
    @DisplayName("A community registered by the city operator is answered 201 and published once as a CommunitySnapshot.v1 CloudEvent keyed by its code")
    void registeredCommunityIsPublishedAsCloudEvent() {
        String code = "510104021901";
        as("city-operator").body(RegistryApi.community(code, "系统测试社区", STREET, 1200, 2))
                .post("/api/communities")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString(code));

        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(sut.kafka().bootstrapServers(),
                Topics.REGISTRY_COMMUNITIES, Duration.ofSeconds(60), r -> r.stream().anyMatch(x -> code.equals(x.key())));
        List<ConsumerRecord<String, String>> ofCode = read.stream().filter(r -> code.equals(r.key())).toList();
        assertThat(ofCode).as("records with key %s on %s", code, Topics.REGISTRY_COMMUNITIES).hasSize(1);

        ConsumerRecord<String, String> event = ofCode.get(0);
        assertThat(TestKafka.header(event, CloudEventHeaders.TYPE)).isEqualTo(EventType.COMMUNITY_SNAPSHOT.ceType())
                .isEqualTo("city.yingzao.registry.CommunitySnapshot.v1");
        assertThat(TestKafka.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(code);
        assertThat(EventSchemas.violations(EventType.COMMUNITY_SNAPSHOT, event.value())).as("payload against its schema").isEmpty();
        assertThat(TestKafka.header(event, CloudEventHeaders.SOURCE)).isNotBlank();
        assertThat(TestKafka.header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        String id = TestKafka.header(event, CloudEventHeaders.ID);
        assertThat(id).isNotBlank();
        assertThatCode(() -> Instant.parse(TestKafka.header(event, CloudEventHeaders.TIME)))
                .as("ce_time is an RFC 3339 instant").doesNotThrowAnyException();
        assertThat(read.stream().filter(r -> id.equals(TestKafka.header(r, CloudEventHeaders.ID)))).hasSize(1);

        CommunitySnapshotV1 snapshot = EventJson.read(event.value(), CommunitySnapshotV1.class);
        assertThat(snapshot.code()).isEqualTo(code);
        assertThat(snapshot.streetCode()).isEqualTo(STREET);
        assertThat(snapshot.districtCode()).isEqualTo(DISTRICT);
        assertThat(snapshot.districtTier()).isEqualTo("MAIN_URBAN");
        assertThat(snapshot.registeredHouseholds()).isEqualTo(1200);
        assertThat(snapshot.stage()).isEqualTo(2);
    }

    @Test
    @DisplayName("Staff of another community may not add a resident group to 510104021001: 403")
    void staffOfAnotherCommunityIsForbidden() {
        as("community-staff-2").body(java.util.Map.of("code", "G91", "name", "越权小组"))
                .post("/api/communities/{code}/groups", COMMUNITY)
                .then().statusCode(403);
    }

    @Test
    @DisplayName("Staff of 510104021001 itself may add a courtyard to it: 201")
    void staffOfTheCommunityMayAddACourtyard() {
        // a courtyard, not a resident group: a new group would lack seats on the community council (D2) that
        // CouncilDecidesFundProjectIT constitutes in the same community
        as("community-staff").body(java.util.Map.of("code", "Y" + UUID.randomUUID().toString().substring(0, 6), "name", "系统测试院落"))
                .post("/api/communities/{code}/courtyards", COMMUNITY)
                .then().statusCode(201);
    }

    @Test
    @DisplayName("A resident may not register a community: 403")
    void residentMayNotRegisterACommunity() {
        as("resident-1").body(RegistryApi.community("510104021902", "居民自建社区", STREET, 10, 1))
                .post("/api/communities")
                .then().statusCode(403);
    }

    @Test
    @DisplayName("Without a token the API answers 401, for reading and for writing")
    void withoutTokenIsUnauthorized() {
        as(null).body(RegistryApi.community("510104021903", "匿名社区", STREET, 10, 1))
                .post("/api/communities")
                .then().statusCode(401);
        as(null).get("/api/communities").then().statusCode(401);
    }

    @Test
    @DisplayName("The public community list answers anonymous callers 200, with the registered communities")
    void publicListIsAnonymous() {
        Response r = as(null).get("/api/public/communities?district={d}&size=500&sort=code,asc", DISTRICT);
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("items.code", String.class)).contains(COMMUNITY);
    }
}
