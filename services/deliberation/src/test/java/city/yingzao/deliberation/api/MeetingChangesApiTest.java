package city.yingzao.deliberation.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.resident;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("Staff cancel or move a meeting that has not started; a proposer withdraws a proposal before it is scheduled")
class MeetingChangesApiTest {

    @Test
    @DisplayName("D13 a scheduled meeting is moved, then cancelled with a reason; its proposal goes back to be scheduled again")
    void rescheduleThenCancel() {
        MeetingFlow flow = new MeetingFlow();
        String proposal = flow.approvedProposal("楼道照明", "GENERAL", null);
        flow.schedule(proposal);
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as(staff(flow.community)).body(Map.of("scheduledAt", later.toString())).put("/api/meetings/" + flow.meeting + "/scheduled-at")
                .then().statusCode(200).body("scheduledAt", equalTo(later.toString()));
        as(Fixtures.staff(Fixtures.community())).body(Map.of("reason", "not ours"))
                .post("/api/meetings/" + flow.meeting + "/cancellation").then().statusCode(403);
        as(staff(flow.community)).body(Map.of("reason", "")).post("/api/meetings/" + flow.meeting + "/cancellation")
                .then().statusCode(400);

        as(staff(flow.community)).body(Map.of("reason", "台风预警，改期")).post("/api/meetings/" + flow.meeting + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(staff(flow.community)).get("/api/proposals/" + proposal).then().body("status", equalTo("APPROVED"));
        as(flow.member(1)).post("/api/meetings/" + flow.meeting + "/attendance").then().statusCode(409);
        as(staff(flow.community)).body(Map.of("reason", "again")).post("/api/meetings/" + flow.meeting + "/cancellation")
                .then().statusCode(409).body("detail", containsString("cancelled"));
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/minutes/publish").then().statusCode(409);
        flow.schedule(proposal); // the same proposal on a new meeting
    }

    @Test
    @DisplayName("D13 a meeting that has started is neither cancelled nor moved")
    void startedMeetingStays() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("垃圾分类", "GENERAL", null)).signIn(1, 20).openItem(0);
        as(staff(flow.community)).body(Map.of("reason", "改期")).post("/api/meetings/" + flow.meeting + "/cancellation")
                .then().statusCode(409).body("detail", containsString("only a scheduled meeting"));
        as(staff(flow.community)).body(Map.of("scheduledAt", Instant.now().toString()))
                .put("/api/meetings/" + flow.meeting + "/scheduled-at").then().statusCode(409);
    }

    @Test
    @DisplayName("D4 the resident who filed a proposal withdraws it with a reason; another resident cannot; a withdrawn proposal is never scheduled")
    void proposalWithdrawn() {
        MeetingFlow flow = new MeetingFlow();
        String proposal = flow.approvedProposal("院落绿化", "GENERAL", null);
        as(resident(flow.community, 2)).body(Map.of("reason", "我不同意")).post("/api/proposals/" + proposal + "/withdrawal")
                .then().statusCode(403);
        as(resident(flow.community, 1)).body(Map.of("reason", "已由物业解决")).post("/api/proposals/" + proposal + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(staff(flow.community)).body(Map.of("title", "会议", "scheduledAt", Instant.now().toString(),
                        "chairPersonId", "facilitator-" + flow.community, "proposalIds", List.of(proposal)))
                .post("/api/councils/" + flow.council + "/meetings").then().statusCode(422);
    }

    @Test
    @DisplayName("D4 a proposal already on a meeting's agenda is not withdrawn")
    void scheduledProposalStays() {
        MeetingFlow flow = new MeetingFlow();
        String proposal = flow.approvedProposal("停车收费", "GENERAL", null);
        flow.schedule(proposal);
        as(resident(flow.community, 1)).body(Map.of("reason", "撤回")).post("/api/proposals/" + proposal + "/withdrawal")
                .then().statusCode(409).body("detail", containsString("before it is scheduled"));
    }
}
