package city.yingzao.deliberation.api;

import city.yingzao.deliberation.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@DisplayName("Conventions and courtyards (D11, D12)")
class ConventionApiTest {

    @Test
    @DisplayName("D12 a new convention version takes effect only when the council's resolution about it is adopted")
    void versionAdoptedByResolution() {
        MeetingFlow flow = new MeetingFlow();
        String convention = as(staff(flow.community)).body(Map.of("kind", "COMMUNITY_CONVENTION", "title", "社区公约",
                        "text", "第一条 邻里互助"))
                .post("/api/communities/" + flow.community + "/conventions").then().statusCode(201)
                .body("versions[0].status", equalTo("DRAFT")).body("adoptedVersion", nullValue()).extract().path("id");
        as(staff(flow.community)).body(Map.of("text", "改")).post("/api/conventions/" + convention + "/versions").then().statusCode(409);

        flow.schedule(flow.approvedProposal("通过社区公约", "CONVENTION", convention)).signIn(1, 20).openItem(0);
        String motion = flow.move(1, "通过《社区公约》第1版");
        JsonPath box = flow.putToVote(motion);
        flow.ballot(motion, box, 1, 20, n -> "YES");
        flow.closeVote(motion);
        given().get("/api/public/conventions/" + convention).then().body("adoptedVersion", nullValue())
                .body("versions[0].status", equalTo("DRAFT"));

        TestClock.advance(Duration.ofDays(8));
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            as(staff(flow.community)).post("/api/publicity/adopt-due").then().statusCode(200);
            return Integer.valueOf(1).equals(given().get("/api/public/conventions/" + convention).path("adoptedVersion"));
        });
        given().get("/api/public/communities/" + flow.community + "/conventions").then().statusCode(200)
                .body("[0].versions[0].status", equalTo("ADOPTED"));
        as(staff(flow.community)).body(Map.of("text", "第一条 邻里互助；第二条 爱护环境"))
                .post("/api/conventions/" + convention + "/versions").then().statusCode(201)
                .body("versions.status", contains("ADOPTED", "DRAFT")).body("adoptedVersion", equalTo(1));
    }

    @Test
    @DisplayName("D12 a proposal about a convention needs a convention of that community with a draft")
    void proposalNeedsADraft() {
        MeetingFlow flow = new MeetingFlow();
        as(Fixtures.resident(flow.community, 1)).body(Map.of("title", "公约", "body", "b", "subjectType", "CONVENTION",
                        "subjectRef", "not-a-convention"))
                .post("/api/councils/" + flow.council + "/proposals").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D12"));
    }

    @Test
    @DisplayName("D11 a courtyard's 三有一公开 checklist is kept by staff and read by anyone; an unknown courtyard is refused")
    void courtyardChecklist() {
        String community = Fixtures.community();
        as(staff(community)).body(Map.of("hasOrganisation", true, "hasCompact", true, "hasActivities", true, "affairsPublic", false))
                .put("/api/communities/" + community + "/courtyards/Y01/checklist").then().statusCode(200)
                .body("complete", equalTo(false)).body("missing", contains("affairs and finances public 事务财务公开"));
        as(staff(community)).body(Map.of("hasOrganisation", true, "hasCompact", true, "hasActivities", true, "affairsPublic", true))
                .put("/api/communities/" + community + "/courtyards/Y01/checklist").then().statusCode(200).body("complete", equalTo(true));
        given().get("/api/public/communities/" + community + "/courtyard-checklists").then().statusCode(200)
                .body("[0].courtyardCode", equalTo("Y01")).body("[0].complete", equalTo(true));
        as(staff(community)).body(Map.of("hasOrganisation", true, "hasCompact", true, "hasActivities", true, "affairsPublic", true))
                .put("/api/communities/" + community + "/courtyards/Y99/checklist").then().statusCode(422);
        as(staff("ELSEWHERE")).body(Map.of("hasOrganisation", true, "hasCompact", true, "hasActivities", true, "affairsPublic", true))
                .put("/api/communities/" + community + "/courtyards/Y01/checklist").then().statusCode(403);
    }
}
