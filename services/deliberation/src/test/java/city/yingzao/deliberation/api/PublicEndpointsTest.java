package city.yingzao.deliberation.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every anonymous endpoint of the service, read after a whole meeting left something to show on
 * each, carries no personal identifier: no login names of members, residents or staff (public pages
 * name members by seat and others by their part). The endpoints come from the service's own OpenAPI
 * document, so a public endpoint added later fails here until it is given a sample.
 */
@QuarkusTest
@DisplayName("Public endpoints carry no personal data")
class PublicEndpointsTest {

    /** Login names as the realm and these tests spell them. */
    private static final Pattern LOGIN_NAME = Pattern.compile(
            "member-\\d+-|resident-\\d+|council-member-\\d+|community-staff|party-reviewer|city-operator|district-operator");

    @Test
    @DisplayName("D9 the public resolution list comes a page at a time with its total; an oversized page is refused")
    void resolutionsArePaged() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("垃圾分类", "GENERAL", null), flow.approvedProposal("楼道照明", "GENERAL", null))
                .signIn(1, 20);
        for (int item = 0; item < 2; item++) {
            flow.openItem(item);
            String motion = flow.move(1, "同意第 " + (item + 1) + " 项");
            flow.ballot(motion, flow.putToVote(motion), 1, 20, n -> "YES");
            flow.closeVote(motion);
        }
        given().queryParam("community", flow.community).queryParam("size", 1).get("/api/public/resolutions")
                .then().statusCode(200).header("X-Total-Count", "2").body("size()", org.hamcrest.Matchers.equalTo(1));
        given().queryParam("community", flow.community).queryParam("size", 1).queryParam("page", 1).get("/api/public/resolutions")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1));
        given().queryParam("community", flow.community).queryParam("size", 201).get("/api/public/resolutions")
                .then().statusCode(400);
    }

    @Test
    @DisplayName("D8 D9 D13 every /api/public endpoint, after a meeting, a vote, an objection and published minutes, names nobody by login")
    void noLoginNames() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("院落停车公约", "GENERAL", null)).signIn(1, 20).openItem(0);
        String motion = flow.move(1, "同意制定院落停车公约");
        as(flow.member(2)).body(Map.of("side", "FOR")).post("/api/meetings/" + flow.meeting + "/floor-requests").then().statusCode(200);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/floor/next").then().statusCode(200);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/floor/end").then().statusCode(200);
        JsonPath box = flow.putToVote(motion);
        flow.ballot(motion, box, 1, 20, n -> n <= 16 ? "YES" : "NO");
        flow.closeVote(motion);
        String resolution = given().queryParam("community", flow.community).get("/api/public/resolutions").path("[0].id");
        String objection = as(Fixtures.resident(flow.community, 11)).body(Map.of("text", "停车位分配应先照顾老人"))
                .post("/api/resolutions/" + resolution + "/objections").then().statusCode(201).extract().path("id");
        as(staff(flow.community)).body(Map.of("text", "已采纳：老人优先"))
                .post("/api/resolutions/" + resolution + "/objections/" + objection + "/response").then().statusCode(200);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/close").then().statusCode(200);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/minutes/publish").then().statusCode(200);
        String convention = as(staff(flow.community)).body(Map.of("kind", "COMMUNITY_CONVENTION", "title", "社区公约",
                "text", "第一条 邻里互助")).post("/api/communities/" + flow.community + "/conventions").then().statusCode(201)
                .extract().path("id");
        as(staff(flow.community)).body(Map.of("hasOrganisation", true, "hasCompact", true, "hasActivities", true,
                "affairsPublic", true)).put("/api/communities/" + flow.community + "/courtyards/Y01/checklist").then().statusCode(200);

        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("/api/public/resolutions", "/api/public/resolutions?community=" + flow.community);
        samples.put("/api/public/resolutions/{id}", "/api/public/resolutions/" + resolution);
        samples.put("/api/public/meetings/{id}/minutes", "/api/public/meetings/" + flow.meeting + "/minutes");
        samples.put("/api/public/motions/{id}/ballots", "/api/public/motions/" + motion + "/ballots");
        samples.put("/api/public/communities/{code}/conventions", "/api/public/communities/" + flow.community + "/conventions");
        samples.put("/api/public/conventions/{id}", "/api/public/conventions/" + convention);
        samples.put("/api/public/communities/{code}/courtyard-checklists",
                "/api/public/communities/" + flow.community + "/courtyard-checklists");

        Map<String, Object> paths = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths");
        TreeSet<String> publicPaths = new TreeSet<>(paths.keySet().stream().filter(p -> p.startsWith("/api/public/")).toList());
        assertThat(samples.keySet()).as("a sample for every public endpoint of the OpenAPI document")
                .containsExactlyInAnyOrderElementsOf(publicPaths);

        for (String sample : samples.values()) {
            String body = given().get(sample).then().statusCode(200).extract().asString();
            assertThat(LOGIN_NAME.matcher(body).find()).as(sample + " names someone by login: " + body).isFalse();
        }
        // and the samples are not empty: each shows what the meeting left
        assertThat(given().get(samples.get("/api/public/meetings/{id}/minutes")).asString()).contains("member 1");
        assertThat(given().get(samples.get("/api/public/resolutions/{id}")).asString()).contains("停车位分配应先照顾老人")
                .contains("已采纳：老人优先");
        assertThat(given().get(samples.get("/api/public/resolutions")).asString()).contains("已采纳：老人优先");
        assertThat(List.of(given().get(samples.get("/api/public/motions/{id}/ballots")).asString())).allMatch(b -> b.contains("YES"));
    }
}
