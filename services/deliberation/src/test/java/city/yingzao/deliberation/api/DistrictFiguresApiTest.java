package city.yingzao.deliberation.api;

import city.yingzao.deliberation.TestClock;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.resident;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@DisplayName("District figures: per community of a district and in total, for the district's operators")
class DistrictFiguresApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("a year's councils, meetings held, attendance against membership, quorate share, proposals, resolutions and objections")
    void figuresOfADistrict() {
        String district = Fixtures.unique("D");
        MeetingFlow flow = new MeetingFlow(Fixtures.community(district));
        String quiet = Fixtures.community(district);
        Fixtures.community(); // another district: never counted here

        String rejected = as(resident(flow.community, 1)).body(Map.of("title", "拆围墙", "body", "居民联名提出", "subjectType", "GENERAL"))
                .post("/api/councils/" + flow.council + "/proposals").then().statusCode(201).extract().path("id");
        for (int n = 2; n <= 10; n++) {
            as(resident(flow.community, n)).post("/api/proposals/" + rejected + "/signatures").then().statusCode(201);
        }
        as(Fixtures.reviewer(flow.community)).body(Map.of("decision", "REJECT", "reason", "不合规划"))
                .post("/api/proposals/" + rejected + "/review").then().statusCode(200);
        flow.schedule(flow.approvedProposal("楼道照明", "GENERAL", null)).signIn(1, 20).openItem(0);
        String motion = flow.move(1, "更换楼道灯");
        flow.ballot(motion, flow.putToVote(motion), 1, 20, n -> n <= 15 ? "YES" : "NO");
        flow.closeVote(motion);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/close").then().statusCode(200);
        String resolution = given().queryParam("community", flow.community).get("/api/public/resolutions").path("[0].id");
        as(resident(flow.community, 11)).body(Map.of("text", "请先修电梯"))
                .post("/api/resolutions/" + resolution + "/objections").then().statusCode(201);
        TestClock.advance(Duration.ofDays(8));
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            as(Fixtures.staff(flow.community)).post("/api/publicity/adopt-due").then().statusCode(200);
            return "ADOPTED".equals(given().get("/api/public/resolutions/" + resolution).path("status"));
        });
        int adoptedIn = Instant.parse(given().get("/api/public/resolutions/" + resolution).path("adoptedAt")).atZone(SHANGHAI).getYear();
        int heldIn = Instant.parse(as(Fixtures.cityOperator()).queryParam("community", flow.community).get("/api/audit")
                .path("items.find { it.action == 'MEETING_CLOSED' }.at")).atZone(SHANGHAI).getYear();

        String operator = TestTokens.user("district-op").roles("district-operator").district(district).sign();
        String path = "/api/districts/" + district + "/deliberation-figures";
        JsonPath figures = as(operator).queryParam("year", heldIn).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(figures.getLong("communities")).isEqualTo(2);
        assertThat(figures.getList("items.communityCode")).containsExactlyElementsOf(
                java.util.stream.Stream.of(flow.community, quiet).sorted().toList());
        long constituted = TestPostgres.count("select count(*) from council where community_code = ? and constituted_at is not null",
                flow.community);
        assertThat(constituted).isGreaterThan(0);
        String busy = "items.find { it.communityCode == '" + flow.community + "' }.figures.";
        assertThat(figures.getLong(busy + "councilsConstituted")).isEqualTo(constituted);
        assertThat(figures.getInt(busy + "meetingsHeld")).isEqualTo(1);
        assertThat(figures.getDouble(busy + "averageAttendance")).isEqualTo(20.0);
        assertThat(figures.getDouble(busy + "averageMembership")).isEqualTo(25.0);
        assertThat(figures.getDouble(busy + "attendanceShare")).isEqualTo(0.8);
        assertThat(figures.getDouble(busy + "quorateShare")).isEqualTo(1.0);
        assertThat(figures.getInt(busy + "proposalsFiled")).isEqualTo(2);
        assertThat(figures.getInt(busy + "proposalsApproved")).isEqualTo(1);
        assertThat(figures.getInt(busy + "proposalsRejected")).isEqualTo(1);
        assertThat(figures.getInt(busy + "objections")).isEqualTo(1);
        String none = "items.find { it.communityCode == '" + quiet + "' }.figures.";
        assertThat(figures.getInt(none + "meetingsHeld")).isZero();
        assertThat(figures.getString(none + "quorateShare")).isNull();
        assertThat(figures.getLong("totals.councilsConstituted")).isEqualTo(constituted);
        assertThat(figures.getInt("totals.meetingsHeld")).isEqualTo(1);
        assertThat(figures.getInt("totals.proposalsFiled")).isEqualTo(2);
        assertThat(figures.getDouble("totals.attendanceShare")).isEqualTo(0.8);
        JsonPath adopted = as(operator).queryParam("year", adoptedIn).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(adopted.getInt(busy + "resolutionsAdopted")).isEqualTo(1);
        assertThat(adopted.getInt("totals.resolutionsAdopted")).isEqualTo(1);
        // the year before: nothing held yet
        as(operator).queryParam("year", heldIn - 1).get(path).then().statusCode(200)
                .body("totals.meetingsHeld", org.hamcrest.Matchers.equalTo(0));

        // paged by community code, totals over the whole district
        JsonPath second = as(operator).queryParam("year", heldIn).queryParam("size", 1).queryParam("page", 1).get(path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.communityCode")).containsExactly(figures.getList("items.communityCode").get(1));
        assertThat(second.getInt("totals.meetingsHeld")).isEqualTo(1);
    }

    @Test
    @DisplayName("the district's operators and the city operator read a district's figures; nobody else")
    void whoReads() {
        String district = Fixtures.unique("D");
        String path = "/api/districts/" + district + "/deliberation-figures";
        as(TestTokens.user("district-op").roles("district-operator").district(district).sign()).get(path).then().statusCode(200);
        as(Fixtures.cityOperator()).get(path).then().statusCode(200);
        as(TestTokens.user("district-op").roles("district-operator").district("510104").sign()).get(path).then().statusCode(403);
        as(Fixtures.staff(Fixtures.unique("C"))).get(path).then().statusCode(403);
        as(TestTokens.user("auditor").roles("auditor").sign()).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
        as(Fixtures.cityOperator()).queryParam("year", "1999").get(path).then().statusCode(400);
        as(Fixtures.cityOperator()).queryParam("size", "0").get(path).then().statusCode(400);
    }
}
