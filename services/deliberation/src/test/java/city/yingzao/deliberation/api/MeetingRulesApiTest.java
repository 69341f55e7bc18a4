package city.yingzao.deliberation.api;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.deliberation.TestClock;
import city.yingzao.testing.BlindBallotVoter;
import city.yingzao.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("Meetings: quorum, Robert's Rules, secret ballot")
class MeetingRulesApiTest {

    private static String meetingPath(MeetingFlow flow) {
        return "/api/meetings/" + flow.meeting;
    }

    @Test
    @DisplayName("D6 no item is opened with 19 of 25 present; a member leaving below 20 stops motions until they return")
    void quorum() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("小区绿化", "GENERAL", null)).signIn(1, 19);
        as(flow.chairToken()).post(meetingPath(flow) + "/items/" + flow.items.get(0) + "/open").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D6"))
                .body("detail", equalTo("D6: 19 of 25 members present, 20 needed"));
        // staff sign in the 20th member
        as(staff(flow.community)).body(Map.of("personId", memberId(flow.community, 20))).post(meetingPath(flow) + "/attendance")
                .then().statusCode(200).body("quorate", equalTo(true));
        flow.openItem(0);
        as(flow.member(20)).post(meetingPath(flow) + "/attendance/" + memberId(flow.community, 20) + "/leave")
                .then().statusCode(200).body("quorate", equalTo(false)).body("present", equalTo(19));
        as(flow.member(1)).body(Map.of("text", "同意")).post(meetingPath(flow) + "/motions").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D6"));
        as(flow.member(20)).post(meetingPath(flow) + "/attendance").then().statusCode(200);
        flow.move(1, "同意");
    }

    @Test
    @DisplayName("D6 an open vote cannot continue when the meeting falls below quorum")
    void quorumDuringTheVote() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("公共空间改造", "GENERAL", null)).signIn(1, 20).openItem(0);
        String motion = flow.move(1, "同意改造");
        JsonPath box = flow.putToVote(motion);
        BlindBallotVoter voter = flow.credential(motion, box, 5);
        flow.closeIssuance(motion);
        as(flow.member(7)).post(meetingPath(flow) + "/attendance/" + memberId(flow.community, 7) + "/leave").then().statusCode(200);
        given().contentType("application/json").body(voter.ballot(motion, "YES"))
                .post("/api/ballots").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D6"));
        as(flow.chairToken()).post("/api/motions/" + motion + "/close-vote").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D6"));
        as(flow.member(7)).post(meetingPath(flow) + "/attendance").then().statusCode(200);
        MeetingFlow.cast(motion, voter, "YES");
    }

    @Test
    @DisplayName("D13 one item at a time; motion before debate; the amendment is voted before the motion; the chair does not move motions")
    void orderOfBusiness() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("垃圾分类", "GENERAL", null), flow.approvedProposal("楼道照明", "GENERAL", null))
                .signIn(1, 20);
        as(flow.member(1)).body(Map.of("text", "先动议")).post(meetingPath(flow) + "/motions").then().statusCode(422)
                .body("detail", equalTo("D13: no item is open: open an agenda item before moving a motion"));
        flow.openItem(0);
        as(flow.chairToken()).post(meetingPath(flow) + "/items/" + flow.items.get(1) + "/open").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D13")).body("detail", containsString("one item at a time"));
        as(flow.member(2)).body(Map.of("side", "FOR")).post(meetingPath(flow) + "/floor-requests").then().statusCode(422)
                .body("detail", equalTo("D13: there is no motion before the meeting: motion before debate"));
        String motion = flow.move(1, "每周三收运大件垃圾");
        as(flow.member(3)).body(Map.of("text", "第二个动议")).post(meetingPath(flow) + "/motions").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D13"));
        String amendment = as(flow.member(2)).body(Map.of("text", "每周三和周六收运大件垃圾"))
                .post("/api/motions/" + motion + "/amendments").then().statusCode(201).extract().path("id");
        as(flow.chairToken()).post("/api/motions/" + motion + "/vote").then().statusCode(422)
                .body("detail", equalTo("D13: an amendment is pending: it is voted on first"));

        JsonPath box = flow.putToVote(amendment);
        flow.ballot(amendment, box, 1, 20, n -> n <= 14 ? "YES" : "NO");
        flow.closeVote(amendment);
        as(staff(flow.community)).get("/api/motions/" + motion).then().body("text", equalTo("每周三和周六收运大件垃圾"))
                .body("status", equalTo("DEBATE"));
        box = flow.putToVote(motion);
        flow.ballot(motion, box, 1, 20, n -> "YES");
        flow.closeVote(motion);
        flow.openItem(1);
    }

    @Test
    @DisplayName("D10 D13 the chair is neutral: a proposer of an agenda item may not chair the meeting")
    void neutralChair() {
        MeetingFlow flow = new MeetingFlow();
        String proposal = flow.approvedProposal("共享菜园", "GENERAL", null);
        as(staff(flow.community)).body(Map.of("title", "会议", "scheduledAt", Instant.now().toString(),
                        "chairPersonId", Fixtures.residentId(flow.community, 3), "proposalIds", List.of(proposal)))
                .post("/api/councils/" + flow.council + "/meetings").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D10"));
    }

    @Test
    @DisplayName("D13 speaking limits: two turns per member per motion, a turn over 120 s is cut off at the limit")
    void speakingLimits() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("停车收费", "GENERAL", null)).signIn(1, 20).openItem(0);
        flow.move(1, "停车每月收费50元");
        for (int turn = 1; turn <= 2; turn++) {
            as(flow.member(2)).body(Map.of("side", "AGAINST")).post(meetingPath(flow) + "/floor-requests").then().statusCode(200);
            as(flow.member(2)).body(Map.of("side", "AGAINST")).post(meetingPath(flow) + "/floor-requests").then().statusCode(422)
                    .body("detail", equalTo("D13: you are already waiting for the floor"));
            as(flow.chairToken()).post(meetingPath(flow) + "/floor/next").then().statusCode(200);
            if (turn == 2) {
                TestClock.advance(Duration.ofSeconds(150));
            }
            JsonPath speech = as(flow.member(2)).post(meetingPath(flow) + "/floor/end").then().statusCode(200).extract().jsonPath();
            if (turn == 2) {
                assertThat(speech.getInt("seconds")).isEqualTo(120);
                assertThat(speech.getBoolean("cutOff")).isTrue();
            }
        }
        as(flow.member(2)).body(Map.of("side", "FOR")).post(meetingPath(flow) + "/floor-requests").then().statusCode(422)
                .body("detail", equalTo("D13: you have spoken 2 times on this question, the limit is 2"));
    }

    @Test
    @DisplayName("D7 12 yes of 25 fails though it is a majority of those present; MotionRejected goes out on Kafka")
    void halfOfTheFullMembership() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("改建活动室", "FUND_PROJECT", "FP-TEST-1")).signIn(1, 20).openItem(0);
        String motion = flow.move(1, "同意改建活动室");
        JsonPath box = flow.putToVote(motion);
        flow.ballot(motion, box, 1, 20, n -> n <= 12 ? "YES" : "NO");
        flow.closeVote(motion);
        as(staff(flow.community)).get("/api/motions/" + motion).then().body("status", equalTo("FAILED"))
                .body("resultReason", equalTo("D7: 12 yes of 25 members, 13 needed"));
        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(Topics.DELIBERATION_RESOLUTIONS, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> r.value().contains(motion)));
        ConsumerRecord<String, String> record = read.stream().filter(r -> r.value().contains(motion)).findFirst().orElseThrow();
        assertThat(TestKafka.header(record, "ce_type")).isEqualTo("city.yingzao.deliberation.MotionRejected.v1");
        assertThat(EventSchemas.violations(EventType.MOTION_REJECTED, record.value())).isEmpty();
        MotionRejectedV1 event = EventJson.read(record.value(), MotionRejectedV1.class);
        assertThat(event.yes()).isEqualTo(12);
        assertThat(event.subjectRef()).isEqualTo("FP-TEST-1");
        assertThat(event.reason()).isEqualTo("D7: 12 yes of 25 members, 13 needed");
    }

    @Test
    @DisplayName("D8 one credential per member, one ballot per credential, only the box's signature counts, the cast never reads a login")
    void oneBallotPerMember() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("增加路灯", "GENERAL", null)).signIn(1, 20).openItem(0);
        String motion = flow.move(1, "增加路灯");
        JsonPath box = flow.putToVote(motion);
        BlindBallotVoter voter = flow.credential(motion, box, 3);
        BlindBallotVoter second = BlindBallotVoter.forBox(box.getString("publicKeySpki"));
        as(flow.member(3)).body(Map.of("blindedMsg", second.blindedMsg())).post("/api/motions/" + motion + "/credentials")
                .then().statusCode(409);
        as(flow.member(21)).body(Map.of("blindedMsg", second.blindedMsg())).post("/api/motions/" + motion + "/credentials")
                .then().statusCode(409).body("detail", containsString("not signed in"));
        flow.closeIssuance(motion);

        // a garbage Authorization header is not even read by the anonymous endpoint
        given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                .body(voter.ballot(motion, "NO"))
                .post("/api/ballots").then().statusCode(201);
        given().contentType("application/json")
                .body(voter.ballot(motion, "YES"))
                .post("/api/ballots").then().statusCode(409);
        // the same credential under another prefix, or another token under the same prefix: not the box's signature
        byte[] otherPrefix = voter.preparedMsg();
        otherPrefix[0] ^= 1;
        byte[] otherToken = voter.preparedMsg();
        otherToken[BlindBallotVoter.PREFIX_BYTES] ^= 1;
        for (byte[] prepared : List.of(otherPrefix, otherToken)) {
            given().contentType("application/json")
                    .body(Map.of("motionId", motion, "preparedMsg", BlindBallotVoter.b64url(prepared), "signature", voter.signature(),
                            "choice", "YES"))
                    .post("/api/ballots").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D8"));
        }
        given().contentType("application/json")
                .body(Map.of("motionId", motion, "preparedMsg", "xyz", "signature", "12", "choice", "MAYBE"))
                .post("/api/ballots").then().statusCode(400);
        // the retired protocol's body (hex token, decimal signature) is refused as malformed
        given().contentType("application/json")
                .body(Map.of("motionId", motion, "token", "ab".repeat(32), "signature", "12345", "choice", "YES"))
                .post("/api/ballots").then().statusCode(400);
    }
}
