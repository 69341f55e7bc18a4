package city.yingzao.grants.api;

import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.grants.api.Grants.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The flow on real PostgreSQL and Kafka: a call, 12 applications from several agencies (one
 * ineligible), computed conflicts excluded from assignment, reviews, ranking, awards; a certificate that
 * expires makes a supervisor unassignable; a passed mid-term evaluation delivered twice releases the
 * second tranche once; a failed one holds it.
 */
@QuarkusTest
class GrantsFlowTest {

    static final int YEAR = 2031;

    static Map<String, Object> call(String district, String other, long budget) {
        Map<String, Object> c = new HashMap<>();
        c.put("title", "2031 社区营造示范项目");
        c.put("targetKind", "COMMUNITY");
        c.put("districtsInScope", List.of(district, other));
        c.put("pivotCategories", List.of());
        c.put("organisationTypes", List.of("SOCIAL_ORGANISATION"));
        c.put("minRegistrationMonths", 12);
        c.put("maxAmountFen", 500_000);
        c.put("allowMultiplePerOrganisation", false);
        c.put("opensOn", LocalDate.now().minusDays(10).toString());
        c.put("closesOn", LocalDate.now().plusDays(30).toString());
        c.put("budgetFen", budget);
        c.put("rubric", List.of(Map.of("code", "need", "name", "需求", "weight", 30), Map.of("code", "design", "name", "设计", "weight", 30),
                Map.of("code", "team", "name", "团队", "weight", 20), Map.of("code", "fit", "name", "社区契合", "weight", 20)));
        c.put("scaleMax", 10);
        c.put("reviewsPerApplication", 3);
        c.put("disagreementThreshold", 20);
        return c;
    }

    static Map<String, Object> application(String community, String title, long fen) {
        return Map.of("targetCode", community, "pivotCategory", "PUBLIC_SPACE", "title", title, "requestedFen", fen,
                "budget", List.of(Map.of("item", "人员", "amountFen", fen - 100_000), Map.of("item", "物料", "amountFen", 100_000)),
                "team", List.of(Map.of("name", "负责人", "role", "PROJECT_LEAD")), "projectLogic", "发现-组织-公益化");
    }

    @Test
    @DisplayName("G6 G1-G5 flow: call, 12 applications, eligibility, conflicts, reviews, ranking, awards, certificates, action-research reports, tranches by evaluation")
    void flow() {
        String d = Grants.unique("D");
        String d2 = Grants.unique("E");
        List<String> communities = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String c = Grants.unique("C");
            Grants.community(c, i < 3 ? d : d2, (i < 3 ? d : d2) + "001");
            communities.add(c);
        }
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String org = Grants.unique("ORG");
            Grants.organisation(org, communities.get(i % 4), "SOCIAL_ORGANISATION",
                    i == 11 ? LocalDate.now().minusMonths(2) : LocalDate.of(2018, 3, 1));
            orgs.add(org);
        }
        String op = Grants.cityOperator();
        as(op).body(Map.of("year", YEAR, "title", "2031 公益创投", "budgetFen", 2_000_000_000L, "operatorOrg", "HUB-01"))
                .post("/api/programmes").then().statusCode(201);
        String callId = as(op).body(call(d, d2, 1_500_000)).post("/api/programmes/" + YEAR + "/calls").then().statusCode(201)
                .body("trancheSplit", equalTo("40/40/20")).body("frameworkVersion", equalTo("provisional-2016-v1"))
                .extract().path("id");

        // G2: 12 applications from 12 agencies; the twelfth organisation is two months old
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = as(Grants.agency(orgs.get(i))).body(application(communities.get(i % 4), "项目 " + i, 200_000 + 10_000L * i))
                    .post("/api/calls/" + callId + "/applications").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
            apps.add(id);
        }
        for (int i = 0; i < 11; i++) {
            as(Grants.agency(orgs.get(i))).post("/api/applications/" + apps.get(i) + "/submit").then().statusCode(200)
                    .body("status", equalTo("SUBMITTED"));
        }
        as(Grants.agency(orgs.get(11))).post("/api/applications/" + apps.get(11) + "/submit").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:G2")).body("detail", containsString("12 months"));
        // G2: a second application of the same organisation is refused at submission, naming why
        String second = as(Grants.agency(orgs.get(0))).body(application(communities.get(0), "第二个", 200_000))
                .post("/api/calls/" + callId + "/applications").then().statusCode(201).extract().path("id");
        as(Grants.agency(orgs.get(0))).post("/api/applications/" + second + "/submit").then().statusCode(422)
                .body("detail", containsString("already has an application"));
        // §8: an agency never sees another organisation's application
        as(Grants.agency(orgs.get(1))).get("/api/applications/" + apps.get(0)).then().statusCode(403);
        as(Grants.agency(orgs.get(0))).get("/api/applications/" + apps.get(0)).then().statusCode(200)
                .body("timeline.status", hasItem("SUBMITTED"));

        // G3: a pool of six; conflicts come from their tokens
        String member = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        String staff = member + "-staff";
        String neighbour = member + "-near";
        as(TestTokens.user(member).roles("reviewer").org(orgs.get(0)).sign()).body(Map.of()).post("/api/pools/reviewer/me")
                .then().statusCode(200);
        as(TestTokens.user(staff).roles("reviewer").communities(communities.get(1)).sign()).body(Map.of()).post("/api/pools/reviewer/me")
                .then().statusCode(200);
        as(TestTokens.user(neighbour).roles("reviewer").district(d).sign()).body(Map.of()).post("/api/pools/reviewer/me")
                .then().statusCode(200);
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String r = member + "-p" + i;
            as(Grants.reviewer(r)).body(Map.of()).post("/api/pools/reviewer/me").then().statusCode(200);
            plain.add(r);
        }
        as(op).post("/api/calls/" + callId + "/review").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        JsonPath conflicts = as(op).get("/api/calls/" + callId + "/conflicts").then().statusCode(200).extract().jsonPath();
        assertThat(conflicts.getList("findAll { it.personId == '" + member + "' && it.level == 'HARD' }.applicationId")).contains(apps.get(0));
        assertThat(conflicts.getList("findAll { it.personId == '" + staff + "' && it.level == 'HARD' }.applicationId"))
                .contains(apps.get(1), apps.get(5), apps.get(9));
        assertThat(conflicts.getList("findAll { it.personId == '" + neighbour + "' && it.level == 'SOFT' }")).isNotEmpty();

        String report = as(op).post("/api/calls/" + callId + "/assignments/auto").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(report).getInt("assignedNow")).isGreaterThanOrEqualTo(11 * 3);
        // G3: never assigned to a conflicting application, which it can never read either
        assertThat(TestPostgres.count("select count(*) from assignment where person_id = ? and application_id = ?::uuid", member, apps.get(0))).isZero();
        for (int i : new int[] {1, 5, 9}) {
            assertThat(TestPostgres.count("select count(*) from assignment where person_id = ? and application_id = ?::uuid", staff, apps.get(i))).isZero();
        }
        as(Grants.reviewer(member)).get("/api/applications/" + apps.get(0)).then().statusCode(403);
        as(op).body(Map.of("personId", member, "reason", "缺人")).post("/api/applications/" + apps.get(0) + "/assignments").then()
                .statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:G3"));

        // G3: every reviewer scores their assignments; application i gets 10 - i/2 on every criterion, one reviewer is harsh
        List<String> reviewers = new ArrayList<>(List.of(member, staff, neighbour));
        reviewers.addAll(plain);
        for (String r : reviewers) {
            List<String> mine = as(Grants.reviewer(r)).get("/api/reviewers/me/assignments").then().statusCode(200).extract()
                    .jsonPath().getList("application.id");
            for (String app : mine) {
                int i = apps.indexOf(app);
                int s = Math.max(0, 10 - i / 2 - (r.equals(plain.get(0)) ? 2 : 0));
                as(Grants.reviewer(r)).body(Map.of("scores", Map.of("need", s, "design", s, "team", s, "fit", s), "comments", Map.of("need", "好")))
                        .put("/api/applications/" + app + "/reviews/mine").then().statusCode(200);
            }
        }
        JsonPath ranking = as(op).get("/api/calls/" + callId + "/ranking").then().statusCode(200).extract().jsonPath();
        List<String> ranked = ranking.getList("lines.applicationId");
        assertThat(ranked).hasSize(11).doesNotContain(apps.get(11));
        assertThat(ranking.getLong("proposedFen")).isLessThanOrEqualTo(1_500_000);
        assertThat(ranking.getList("lines.scores.normalisedMean")).doesNotContainNull();
        List<String> proposed = ranking.getList("lines.findAll { it.proposed }.applicationId");
        assertThat(proposed).isNotEmpty().contains(apps.get(0));

        // G3: a departure from the proposal needs a reason
        List<String> departing = new ArrayList<>(proposed);
        departing.remove(proposed.size() - 1);
        as(op).body(Map.of("awarded", departing, "reasons", Map.of())).post("/api/calls/" + callId + "/awards").then().statusCode(422)
                .body("detail", containsString("needs a reason"));
        JsonPath confirmed = as(op).body(Map.of("awarded", proposed, "reasons", Map.of())).post("/api/calls/" + callId + "/awards")
                .then().statusCode(200).extract().jsonPath();
        assertThat(confirmed.getList("projects")).hasSize(proposed.size());
        assertThat(TestPostgres.count("select count(*) from outbox_message where topic = 'grants.applications' and ce_type like '%ApplicationDecided%'"
                + " and payload->>'callId' = ?", callId)).isEqualTo(11);

        // G4: the best project; 40/40/20 of its award, adding up exactly
        String project = TestPostgres.queryValue("select id::text from project where application_id = ?::uuid", apps.get(0)).toString();
        String org = orgs.get(0);
        String community = communities.get(0);
        long award = 200_000;
        JsonPath signed = as(op).body(Map.of("startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusMonths(10).toString()))
                .post("/api/projects/" + project + "/agreement").then().statusCode(200).extract().jsonPath();
        assertThat(signed.getList("tranches.amountFen", Long.class)).containsExactly(80_000L, 80_000L, 40_000L);
        assertThat(signed.getList("tranches.status")).containsExactly("RELEASED", "PENDING", "PENDING");
        assertThat(signed.getLong("releasedFen")).isEqualTo(award * 40 / 100);

        // G5: a certified supervisor sits; one whose certificate expired cannot; nor an expert of the project's organisation
        String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        String lapsed = sup + "-old";
        Grants.certificate(sup, "SUPERVISOR");
        String old = Grants.certificate(lapsed, "SUPERVISOR");
        as(op).body(Map.of("personId", lapsed)).put("/api/projects/" + project + "/team/SENIOR_SUPERVISOR").then().statusCode(200);
        Grants.certificateExpired(old, lapsed, "SUPERVISOR");
        as(op).body(Map.of("personId", lapsed)).put("/api/projects/" + project + "/team/SENIOR_SUPERVISOR").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:G5")).body("detail", containsString("SUPERVISOR"));
        as(op).body(Map.of("personId", sup)).put("/api/projects/" + project + "/team/SENIOR_SUPERVISOR").then().statusCode(200);
        as(op).body(Map.of("personId", sup + "-x", "organisations", List.of(org))).post("/api/pools/expert").then().statusCode(201);
        as(op).body(Map.of("personId", sup + "-x")).put("/api/projects/" + project + "/team/UNIVERSITY_EXPERT").then().statusCode(422)
                .body("detail", containsString("own organisation"));
        as(Grants.supervisor(sup)).get("/api/projects/" + project).then().statusCode(200);
        as(Grants.supervisor(sup + "-y")).get("/api/projects/" + project).then().statusCode(403);

        // G6: the project team files action-research reports during the project; its senior supervisor reviews them
        Map<String, Object> researchReport = Map.of("title", "行动研究报告（一）", "period", "中期", "body", "居民议事参与率从 12% 升至 31%",
                "attachments", List.of(Map.of("name", "访谈记录.pdf", "reference", "s3://grants/r1.pdf", "sha256", "b".repeat(64))));
        as(Grants.agency(orgs.get(1))).body(researchReport).post("/api/projects/" + project + "/reports").then().statusCode(403);
        String filed = as(Grants.agency(orgs.get(0))).body(researchReport).post("/api/projects/" + project + "/reports")
                .then().statusCode(201).extract().path("id");
        as(Grants.supervisor(sup + "-y")).body(Map.of("note", "不是我的项目")).post("/api/projects/" + project + "/reports/" + filed + "/review")
                .then().statusCode(403);
        as(Grants.supervisor(sup)).body(Map.of("note", "方法得当，建议补充对照组")).post("/api/projects/" + project + "/reports/" + filed + "/review")
                .then().statusCode(200);
        as(Grants.agency(orgs.get(0))).get("/api/projects/" + project + "/reports").then().statusCode(200).body("size()", equalTo(1));

        // G4: a passed mid-term evaluation, delivered twice and once more under another event id, releases tranche 2 once
        EvaluationCompletedV1 pass = Grants.evaluation(project, org, community, "MID_TERM", true);
        UUID eventId = UUID.randomUUID();
        Grants.publish(pass, eventId);
        Grants.publish(pass, eventId);
        Grants.publish(pass);
        Grants.await(() -> TestPostgres.count("select count(*) from tranche_release where project_id = ?::uuid and number = 2", project) == 1,
                "tranche 2 released");
        Grants.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId) == 1, "processed");
        Grants.await(() -> TestPostgres.count("select count(*) from evaluation_result where evaluation_id = ?", pass.evaluationId()) == 1, "kept");
        try {
            Thread.sleep(1500); // let the third delivery land too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(TestPostgres.count("select count(*) from tranche_release where project_id = ?::uuid", project)).isEqualTo(2);
        assertThat(TestPostgres.count("select count(*) from outbox_message where ce_type like '%TrancheReleased%' and payload->>'projectId' = ?"
                + " and payload->>'trancheNumber' = '2'", project)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from budget_entry where programme_year = ? and reference like ?", YEAR,
                "project:" + project + ":%")).isEqualTo(2);
        as(op).post("/api/programmes/" + YEAR + "/ledger/verify").then().statusCode(200).body("intact", equalTo(true));
        as(null).get("/api/public/awards?organisation=" + org).then().statusCode(200).body("lines[0].releasedFen", equalTo(160_000))
                .body("lines[0].releases.trancheNumber", equalTo(List.of(1, 2)));

        // G4: a failed mid-term of the second project holds its tranche 2, saying why
        String other = proposed.stream().filter(a -> !a.equals(apps.get(0))).findFirst().orElseThrow();
        String project2 = TestPostgres.queryValue("select id::text from project where application_id = ?::uuid", other).toString();
        as(op).body(Map.of("startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusMonths(10).toString()))
                .post("/api/projects/" + project2 + "/agreement").then().statusCode(200);
        Grants.publish(Grants.evaluation(project2, "x", "y", "MID_TERM", false));
        Grants.await(() -> TestPostgres.count("select count(*) from tranche where project_id = ?::uuid and number = 2 and status = 'HELD'",
                project2) == 1, "tranche 2 of project 2 held");
        as(op).get("/api/projects/" + project2).then().statusCode(200).body("tranches[1].holdReason", containsString("not passed"));
        assertThat(TestPostgres.count("select count(*) from tranche_release where project_id = ?::uuid and number = 2", project2)).isZero();
    }
}
