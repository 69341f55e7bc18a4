package city.yingzao.deliberation.api;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("A full council meeting")
class FullMeetingApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("D1-D9 D13 25 members, a proposal by 10 residents, 20 present, debate, secret ballot, publicity, ResolutionAdopted on Kafka")
    void fullMeeting() {
        MeetingFlow flow = new MeetingFlow();
        String proposal = flow.approvedProposal("院落停车公约", "GENERAL", "院落停车公约");
        flow.schedule(proposal).signIn(1, 20);
        as(staff(flow.community)).get("/api/meetings/" + flow.meeting).then().statusCode(200)
                .body("membership", equalTo(25)).body("present", equalTo(20)).body("quorumNeeded", equalTo(20))
                .body("quorate", equalTo(true));
        flow.openItem(0);
        String motion = flow.move(1, "同意制定《院落停车公约》，由居委会组织实施");

        // debate: two for, one against; the against speaker goes second because the sides alternate
        for (Object[] ask : new Object[][] {{2, "FOR"}, {3, "FOR"}, {4, "AGAINST"}}) {
            as(flow.member((int) ask[0])).body(Map.of("side", ask[1])).post("/api/meetings/" + flow.meeting + "/floor-requests")
                    .then().statusCode(200);
        }
        List<String> order = new ArrayList<>();
        for (int turn = 0; turn < 3; turn++) {
            order.add(as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/floor/next").then().statusCode(200)
                    .body("secondsAllowed", equalTo(120)).extract().path("personId"));
            as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/floor/end").then().statusCode(200);
        }
        assertThat(order).containsExactly(Fixtures.memberId(flow.community, 2), Fixtures.memberId(flow.community, 4),
                Fixtures.memberId(flow.community, 3));

        // the secret ballot: 20 present members, 15 yes, 3 no, 2 abstain
        long started = System.nanoTime();
        JsonPath box = flow.putToVote(motion);
        long boxOpened = System.nanoTime();
        assertThat(box.getString("variant")).isEqualTo("RSABSSA-SHA384-PSS-Randomized");
        assertThat(BlindBallotVoter.publicKey(box.getString("publicKeySpki")).getModulus().bitLength()).isEqualTo(2048);
        // D8 in two phases: every present member takes a credential, the chair closes issuance, then all cast
        List<String> receipts = flow.ballot(motion, box, 1, 20, n -> n <= 15 ? "YES" : n <= 18 ? "NO" : "ABSTAIN").stream()
                .map(BlindBallotVoter::receiptOf).toList();
        long cast = System.nanoTime();
        flow.closeVote(motion);
        System.out.printf("D8 figures (API, this machine): open the box %d ms; 20 credentials, closing issuance, 20 anonymous casts %d ms (%d ms each); "
                + "close, reshuffle and tally %d ms%n", (boxOpened - started) / 1_000_000, (cast - boxOpened) / 1_000_000,
                (cast - boxOpened) / 20_000_000, (System.nanoTime() - cast) / 1_000_000);
        as(staff(flow.community)).get("/api/motions/" + motion).then().statusCode(200)
                .body("status", equalTo("PASSED")).body("yes", equalTo(15)).body("no", equalTo(3)).body("abstain", equalTo(2))
                .body("membership", equalTo(25)).body("resultReason", equalTo("D7: 15 yes of 25 members, 13 needed"));
        JsonPath tally = as(flow.member(1)).get("/api/motions/" + motion + "/ballot-box").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("issued", equalTo(20)).body("uncast", equalTo(0))
                .extract().jsonPath();
        assertThat(tally.getList("receipts", String.class)).containsExactlyInAnyOrderElementsOf(receipts).isSorted();
        assertThat(tally.getList("ballots.receipt", String.class)).containsExactlyInAnyOrderElementsOf(receipts).isSorted();
        assertThat(tally.getList("withoutCredential", String.class)).containsExactlyElementsOf(MeetingFlow.people(flow.community, 21, 25).stream().sorted().toList());

        // publicity: published today (Shanghai), adopted at 00:00 of the 8th day after
        JsonPath resolution = given().queryParam("community", flow.community).get("/api/public/resolutions")
                .then().statusCode(200).extract().jsonPath();
        String resolutionId = resolution.getString("[0].id");
        assertThat(resolution.getString("[0].status")).isEqualTo("PUBLISHED");
        Instant publishedAt = Instant.parse(resolution.getString("[0].publishedAt"));
        Instant adoptAt = Instant.parse(resolution.getString("[0].adoptAt"));
        assertThat(adoptAt).isEqualTo(LocalDate.ofInstant(publishedAt, SHANGHAI).plusDays(8).atStartOfDay(SHANGHAI).toInstant());

        as(Fixtures.resident(flow.community, 11)).body(Map.of("text", "停车位分配应先照顾老人"))
                .post("/api/resolutions/" + resolutionId + "/objections").then().statusCode(201);
        as(staff(flow.community)).post("/api/publicity/adopt-due").then().statusCode(200);
        given().get("/api/public/resolutions/" + resolutionId).then().body("status", equalTo("PUBLISHED"))
                .body("objections[0].text", equalTo("停车位分配应先照顾老人")).body("objections[0].filedBy", equalTo(null));

        TestClock.advance(Duration.ofDays(8));
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            as(staff(flow.community)).post("/api/publicity/adopt-due").then().statusCode(200);
            return "ADOPTED".equals(given().get("/api/public/resolutions/" + resolutionId).path("status"));
        });
        given().get("/api/public/resolutions/" + resolutionId).then().body("adoptedAt", equalTo(adoptAt.toString()));

        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(Topics.DELIBERATION_RESOLUTIONS, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> r.value().contains(resolutionId)));
        ConsumerRecord<String, String> record = read.stream().filter(r -> r.value().contains(resolutionId)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(flow.community);
        assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo("city.yingzao.deliberation.ResolutionAdopted.v1");
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(flow.community);
        assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/yingzao/deliberation");
        assertThat(EventSchemas.violations(EventType.RESOLUTION_ADOPTED, record.value())).isEmpty();
        ResolutionAdoptedV1 event = EventJson.read(record.value(), ResolutionAdoptedV1.class);
        assertThat(event.yes()).isEqualTo(15);
        assertThat(event.membership()).isEqualTo(25);
        assertThat(event.subjectType()).isEqualTo("GENERAL");
        assertThat(event.councilLevel()).isEqualTo("COMMUNITY");
        assertThat(event.adoptedAt()).isEqualTo(adoptAt);

        // minutes from the record, public once published
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/close").then().statusCode(200);
        given().get("/api/public/meetings/" + flow.meeting + "/minutes").then().statusCode(404);
        as(flow.chairToken()).post("/api/meetings/" + flow.meeting + "/minutes/publish").then().statusCode(200);
        String published = given().get("/api/public/meetings/" + flow.meeting + "/minutes").then().statusCode(200)
                .body("text", containsString("Motion moved by " + flow.seatLabel(1) + " at"))
                .body("text", containsString(flow.seatLabel(4) + " spoke AGAINST"))
                .body("text", containsString("Secret ballot: yes 15, no 3, abstain 2 of 25 members"))
                .body("text", containsString("PASSED (D7: 15 yes of 25 members, 13 needed)"))
                .extract().path("text");
        // public minutes carry no login names: members by seat, anyone else by their part
        assertThat(published).doesNotContain("member-").doesNotContain("community-staff");
    }
}
