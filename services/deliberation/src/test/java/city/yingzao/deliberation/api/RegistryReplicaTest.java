package city.yingzao.deliberation.api;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("The registry replica")
class RegistryReplicaTest {

    private static CommunitySnapshotV1 snapshot(String code, long revision, List<String> groups) {
        return new CommunitySnapshotV1(code, "社区", "URBAN", "510104", "MAIN_URBAN", "510104021", 100, 2,
                groups.stream().map(g -> new CommunitySnapshotV1.ResidentGroup(g, g)).toList(), List.of(), revision, Instant.now());
    }

    @Test
    @DisplayName("P1 a newer snapshot replaces the copy, an older one arriving late is ignored; the council then knows group G06")
    void newerRevisionWins() {
        String community = Fixtures.community();
        Fixtures.publish(snapshot(community, 3, List.of("G01", "G02", "G03", "G04", "G05", "G06")));
        Fixtures.publish(snapshot(community, 2, List.of("G01")));
        Fixtures.publish(snapshot(community, 4, List.of("G01", "G02", "G03", "G04", "G05", "G06")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestPostgres.count("select revision from replica_community where code = ?", community) == 4);
        as(staff(community)).body(Map.of("communityCode", community, "level", "GROUP", "unitCode", "G06", "name", "第六小组议事会"))
                .post("/api/councils").then().statusCode(201);
    }

    @Test
    @DisplayName("D4 a household that moved out (registry: active false) no longer lets its resident co-sign")
    void movedOut() {
        MeetingFlow flow = new MeetingFlow();
        String proposal = as(Fixtures.resident(flow.community, 1)).body(Map.of("title", "t", "body", "b", "subjectType", "GENERAL"))
                .post("/api/councils/" + flow.council + "/proposals").then().statusCode(201).extract().path("id");
        Fixtures.publish(new HouseholdSnapshotV1(Fixtures.household(7), flow.community, "G02", null, false, 2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.count(
                "select count(*) from replica_household where community_code = ? and code = 'H0007' and not active", flow.community) == 1);
        as(Fixtures.resident(flow.community, 7)).post("/api/proposals/" + proposal + "/signatures").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D4")).body("detail", containsString("H0007"));
    }
}
