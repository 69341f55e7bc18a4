package city.yingzao.finance.api;

import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.testing.Redelivered;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.contracts.EventType.MOTION_REJECTED;
import static city.yingzao.contracts.EventType.RESOLUTION_ADOPTED;
import static city.yingzao.finance.api.Finance.as;
import static city.yingzao.finance.api.ProjectLifecycleTest.advance;
import static city.yingzao.finance.api.ProjectLifecycleTest.createProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 16 item 4: each event type finance consumes from {@code deliberation.resolutions} delivered
 * twice under the same {@code ce_id}, and out of order where order can break: the council's
 * resolution arriving before the project is ready for it (or before finance knows the project at
 * all), a rejected motion arriving after the later resolution. The decision is recorded once, step 4
 * opens once, and the inbox holds each id once.
 */
@QuarkusTest
@Redelivered({RESOLUTION_ADOPTED, MOTION_REJECTED})
@DisplayName("Duplicate and out-of-order redelivery of the councils' decisions changes finance once")
class DuplicateRedeliveryTest {

    @Test
    @DisplayName("F6 ResolutionAdopted twice before the project reached step 3: recorded once, step 4 opens once, one step-4 event")
    void resolutionBeforeItsStepTwice() {
        String community = Finance.unique("C");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 800);
        Finance.households(community, 1);
        String staff = Finance.staff(community);
        String project = createProject(community, staff, 100_000);

        ResolutionAdoptedV1 resolution = Finance.resolution(community, project);
        UUID eventId = UUID.randomUUID();
        Finance.publish(resolution, eventId);
        Finance.publish(resolution, eventId);
        UUID marker = UUID.randomUUID();
        Finance.publish(Finance.resolution(community, Finance.unique("OTHER")), marker); // same partition, read after both
        awaitProcessed(eventId, marker);
        assertThat(TestPostgres.count("select count(*) from council_decision where decision_id = ?", resolution.resolutionId()))
                .isEqualTo(1);
        assertThat(TestPostgres.count("select step from project where id = ?::uuid", project)).as("a decision moves no step")
                .isEqualTo(1);

        String round = as(staff).body(Map.of("title", "2026 项目征集", "projectIds", List.of(project)))
                .post("/api/communities/" + community + "/vote-rounds").then().statusCode(201).extract().path("id");
        as(Finance.resident(community, "H0001")).body(Map.of("approvals", List.of(project)))
                .post("/api/communities/" + community + "/vote-rounds/" + round + "/ballots").then().statusCode(201);
        as(staff).post("/api/communities/" + community + "/vote-rounds/" + round + "/close").then().statusCode(200);
        advance(staff, project, 2, null).then().statusCode(200);
        advance(staff, project, 3, "院落自组织讨论").then().statusCode(200);
        advance(staff, project, 4, "议事会决议").then().statusCode(200).body("step", equalTo(4))
                .body("councilDecisions.size()", equalTo(1));
        advance(staff, project, 4, "again").then().statusCode(422);

        assertThat(TestPostgres.count("select count(*) from outbox_message where topic = 'finance.projects' "
                + "and payload->>'projectId' = ? and payload->>'step' = '4'", project)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    @DisplayName("F6 ResolutionAdopted twice about a project finance does not know: recorded once, not dead-lettered, harmless")
    void resolutionOfAnUnknownProjectTwice() {
        String community = Finance.unique("C");
        String unknownProject = UUID.randomUUID().toString();
        ResolutionAdoptedV1 resolution = Finance.resolution(community, unknownProject);
        UUID eventId = UUID.randomUUID();
        Finance.publish(resolution, eventId);
        Finance.publish(resolution, eventId);
        UUID marker = UUID.randomUUID();
        Finance.publish(Finance.resolution(community, Finance.unique("OTHER")), marker);
        awaitProcessed(eventId, marker);

        assertThat(TestPostgres.count("select count(*) from council_decision where subject_ref = ?", unknownProject)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    @DisplayName("F6 MotionRejected twice, arriving after the later resolution: each decision once, in the order they were decided")
    void motionRejectedTwiceAfterTheLaterResolution() {
        String community = Finance.unique("C");
        Finance.community(community, "RURAL", "510184", "FAR_SUBURB", 300);
        String staff = Finance.staff(community);
        String project = createProject(community, staff, 100_000);

        ResolutionAdoptedV1 resolution = Finance.resolution(community, project);
        UUID resolutionId = UUID.randomUUID();
        Finance.publish(resolution, resolutionId);
        MotionRejectedV1 motion = new MotionRejectedV1(Finance.unique("M"), community, "CNC1", "COMMUNITY", "FUND_PROJECT", project,
                "first wording", 10, 12, 3, 25, "D7: 10 yes of 25 members, 13 needed", Instant.now().minus(Duration.ofDays(30)));
        UUID motionId = UUID.randomUUID();
        Finance.publish(motion, motionId);
        Finance.publish(motion, motionId);
        UUID marker = UUID.randomUUID();
        Finance.publish(Finance.resolution(community, Finance.unique("OTHER")), marker);
        awaitProcessed(resolutionId, motionId, marker);

        assertThat(TestPostgres.count("select count(*) from council_decision where subject_ref = ?", project)).isEqualTo(2);
        as(staff).get("/api/projects/" + project).then().statusCode(200)
                .body("councilDecisions.outcome", equalTo(List.of("REJECTED", "ADOPTED")))
                .body("councilDecisions.decisionId", equalTo(List.of(motion.motionId(), resolution.resolutionId())));
        assertThat(TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                (Object) new String[] {resolutionId.toString(), motionId.toString()})).isEqualTo(2);
    }

    static void awaitProcessed(UUID... ids) {
        String[] texts = java.util.Arrays.stream(ids).map(UUID::toString).toArray(String[]::new);
        Finance.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                (Object) texts) == ids.length, "the deliveries read");
    }
}
