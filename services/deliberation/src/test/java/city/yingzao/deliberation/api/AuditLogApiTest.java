package city.yingzao.deliberation.api;

import city.yingzao.testing.BlindBallotVoter;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@DisplayName("The audit log of deliberation actions: who, when, what, to which subjects; append-only; never who voted how")
class AuditLogApiTest {

    @Test
    @DisplayName("every state-changing action of a meeting's life is logged in its transaction, newest first, never a credential or a ballot")
    void meetingLifeIsAudited() {
        MeetingFlow flow = new MeetingFlow();
        String proposal = flow.approvedProposal("楼道照明", "GENERAL", null);
        flow.schedule(proposal);
        as(staff(flow.community)).body(Map.of("personId", memberId(flow.community, 1)))
                .post("/api/meetings/" + flow.meeting + "/attendance").then().statusCode(200);
        flow.signIn(2, 20).openItem(0);
        String motion = flow.move(1, "更换楼道灯");
        JsonPath box = flow.putToVote(motion);
        List<String> ballots = flow.ballot(motion, box, 1, 20, n -> n <= 15 ? "YES" : "NO");
        flow.closeVote(motion);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/close").then().statusCode(200);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/minutes/publish").then().statusCode(200);
        String resolution = given().queryParam("community", flow.community).get("/api/public/resolutions").path("[0].id");
        as(Fixtures.resident(flow.community, 11)).body(Map.of("text", "请先修电梯"))
                .post("/api/resolutions/" + resolution + "/objections").then().statusCode(201);

        JsonPath log = as(staff(flow.community)).queryParam("community", flow.community).queryParam("size", 200)
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
        List<String> actions = log.getList("items.action", String.class);
        // newest first: reversed, the record reads in the order things happened
        List<String> inOrder = new java.util.ArrayList<>(actions);
        java.util.Collections.reverse(inOrder);
        assertThat(inOrder).containsSubsequence("COUNCIL_CREATED", "COUNCIL_ELECTED", "COUNCIL_CONSTITUTED", "PROPOSAL_FILED",
                "PROPOSAL_SIGNED", "PROPOSAL_REVIEWED", "MEETING_SCHEDULED", "ATTENDANCE_SIGNED_IN", "ITEM_OPENED", "MOTION_MOVED",
                "VOTE_OPENED", "ISSUANCE_CLOSED", "VOTE_CLOSED", "RESOLUTION_PUBLISHED", "MEETING_CLOSED", "MINUTES_PUBLISHED",
                "OBJECTION_FILED");
        assertThat(log.getLong("total")).isEqualTo(actions.size());
        assertThat(log.getList("items.communityCode", String.class)).containsOnly(flow.community);
        assertThat(log.getList("items.at", String.class).stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // D6: who signed whom in
        assertThat(log.getList("items.findAll { it.action == 'ATTENDANCE_SIGNED_IN' }.detail", String.class))
                .contains(memberId(flow.community, 1) + " signed in by community-staff",
                        memberId(flow.community, 2) + " signed in by " + memberId(flow.community, 2));
        Map<String, Object> vote = log.getMap("items.find { it.action == 'VOTE_CLOSED' }");
        assertThat(vote.get("actor")).isEqualTo(flow.chair);
        assertThat(vote.get("subjectId")).isEqualTo(motion);
        assertThat(vote.get("related")).isEqualTo(List.of(flow.meeting));
        assertThat((String) vote.get("detail")).contains("15 yes, 5 no");
        assertThat(log.getString("items.find { it.action == 'ISSUANCE_CLOSED' }.detail")).isEqualTo("20 credential(s) issued");
        // D8: between the vote's opening and its close nothing names who took a credential or what a ballot holds
        int opened = inOrder.indexOf("VOTE_OPENED");
        assertThat(inOrder.subList(opened + 1, inOrder.indexOf("VOTE_CLOSED"))).containsExactly("ISSUANCE_CLOSED");
        String everything = log.prettify();
        ballots.forEach(id -> assertThat(everything).doesNotContain(id).doesNotContain(BlindBallotVoter.receiptOf(id)));

        // paged
        JsonPath first = as(staff(flow.community)).queryParam("community", flow.community).queryParam("size", 3)
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
        JsonPath second = as(staff(flow.community)).queryParam("community", flow.community).queryParam("size", 3).queryParam("page", 1)
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.seq")).hasSize(3).doesNotContainAnyElementsOf(second.getList("items.seq"));
        assertThat(first.getList("items.seq")).isEqualTo(log.getList("items.seq").subList(0, 3));
        // from / to
        as(staff(flow.community)).queryParam("community", flow.community).queryParam("from", "2099-01-01")
                .get("/api/audit").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        as(staff(flow.community)).queryParam("community", flow.community).queryParam("to", "2001-01-01T00:00:00Z")
                .get("/api/audit").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    @DisplayName("readers: the community's staff, its district's operators, the city operator and auditors (who may read every community)")
    void whoReads() {
        String community = Fixtures.community();
        Fixtures.createCouncil(community, "COMMUNITY", null);
        String path = "/api/audit";
        as(staff(community)).queryParam("community", community).get(path).then().statusCode(200);
        as(TestTokens.user("district-op").roles("district-operator").district("510104").sign()).queryParam("community", community)
                .get(path).then().statusCode(200).body("items[0].action", org.hamcrest.Matchers.equalTo("COUNCIL_CREATED"));
        as(TestTokens.user("district-op").roles("district-operator").district("510199").sign()).queryParam("community", community)
                .get(path).then().statusCode(403);
        as(staff("OTHER01")).queryParam("community", community).get(path).then().statusCode(403);
        as(staff(community)).get(path).then().statusCode(400);
        as(TestTokens.user("auditor").roles("auditor").sign()).get(path).then().statusCode(200);
        as(Fixtures.cityOperator()).queryParam("community", community).get(path).then().statusCode(200);
        as(Fixtures.resident(community, 1)).queryParam("community", community).get(path).then().statusCode(403);
        given().queryParam("community", community).get(path).then().statusCode(401);
    }

    @Test
    @DisplayName("the audit log is append-only: the database refuses update, delete and truncate")
    void appendOnly() throws SQLException {
        String community = Fixtures.community();
        Fixtures.createCouncil(community, "COMMUNITY", null);
        assertThat(TestPostgres.count("select count(*) from audit_entry where community_code = ?", community)).isEqualTo(1);
        try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entry set actor = 'someone else' where community_code = '" + community + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry where community_code = '" + community + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_entry")).hasMessageContaining("append-only");
        }
        assertThat(TestPostgres.queryValue("select actor from audit_entry where community_code = ?", community)).isEqualTo("community-staff");
    }
}
