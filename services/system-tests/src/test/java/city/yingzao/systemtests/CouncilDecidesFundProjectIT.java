package city.yingzao.systemtests;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.testing.BlindBallotVoter;
import city.yingzao.testing.TestKafka;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole civic loop on the real stack, with the demo users' real Keycloak tokens: the registry
 * publishes 水井坊社区, finance allocates its fund and runs a household vote on a project (F7),
 * the community council is constituted (D1-D3), ten residents put the project on the agenda (D4),
 * the party reviewer approves it (D5), twenty of twenty-five members meet (D6), debate under
 * Robert's Rules (D13), vote by blind-signed secret ballot (D7, D8); after publicity (D9) the
 * deliberation service publishes {@code ResolutionAdopted}, and the finance service, having
 * consumed it, lets the project pass step 4 and reach step 5 after its hearing (F6).
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("A council decides a fund project, through the real stack")
class CouncilDecidesFundProjectIT {

    static final String DISTRICT = "510104";
    static final String STREET = "510104021";
    static final String COMMUNITY = "510104021001";
    static final List<String> GROUPS = List.of("G01", "G02", "G03", "G04", "G05");
    static final int YEAR = LocalDate.now().getYear();

    private static SystemUnderTest sut;
    private static String finance;
    private static String deliberation;

    @BeforeAll
    static void territory(SystemUnderTest system) {
        sut = system;
        // the stack holds the demo city (one per JVM, whichever test needs it first): this test works beside it
        sut.demoCity();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RegistryApi registry = new RegistryApi(sut.registryUrl());
        String operator = sut.token("city-operator");
        registry.ensure("/api/districts", operator, RegistryApi.district(DISTRICT, "锦江区", "MAIN_URBAN"));
        registry.ensure("/api/streets", operator, RegistryApi.street(STREET, "水井坊街道", DISTRICT));
        registry.ensure("/api/communities", operator, RegistryApi.community(COMMUNITY, "水井坊社区", STREET, 2350, 3));
        for (int g = 0; g < GROUPS.size(); g++) {
            registry.ensure("/api/communities/" + COMMUNITY + "/groups", operator,
                    Map.of("code", GROUPS.get(g), "name", "第" + (g + 1) + "居民小组"));
        }
        for (int h = 1; h <= 13; h++) {
            registry.ensure("/api/communities/" + COMMUNITY + "/households", operator,
                    Map.of("code", household(h), "groupCode", GROUPS.get((h - 1) % GROUPS.size())));
        }
        finance = sut.financeUrl();
        deliberation = sut.deliberationUrl();
    }

    @Test
    @DisplayName("F6/D9: the council's real resolution, after a secret ballot of 20 present members, moves the finance project past step 4 to step 5")
    void councilResolutionMovesTheFundProject() {
        String project = projectVotedByHouseholds();
        String council = constitutedCommunityCouncil();
        String proposal = proposalByTenResidents(council, project);
        String motion = debatedMotion(council, proposal);

        ResolutionAdoptedV1 adopted = voteAndPublicise(motion, project);

        assertThat(adopted.subjectType()).isEqualTo("FUND_PROJECT");
        assertThat(adopted.subjectRef()).isEqualTo(project);
        assertThat(adopted.yes()).isEqualTo(18);
        assertThat(adopted.membership()).isEqualTo(25);

        // finance consumed it: step 4 opens (it polls, the event travels through Kafka), then the hearing, then step 5
        eventually(() -> advance(project, 4, "议事会决议公示期满").statusCode(), 200, Duration.ofSeconds(60));
        as("community-staff").body(Map.of("summary", "受影响居民 16 人参加听证，同意施工时间", "attendees", 16))
                .post(finance + "/api/projects/" + project + "/hearing").then().statusCode(200);
        advance(project, 5, null).then().statusCode(200).body("step", equalTo(5));
        as(null).get(finance + "/api/public/communities/" + COMMUNITY + "/projects").then().statusCode(200)
                .body("find { it.id == '" + project + "' }.step", equalTo(5));
    }

    /** Finance: the year's allocation, a project, a household vote round (online and paper) closed; steps 1-3. */
    private String projectVotedByHouseholds() {
        eventually(() -> { // the community arrives from the registry's events; a rerun allocates it (F1-F4)
            Response run = as("city-operator").body(Map.of("fundYear", YEAR)).post(finance + "/api/allocations/runs");
            run.then().statusCode(200);
            Response disclosed = as(null).get(finance + "/api/public/communities/" + COMMUNITY + "/finance");
            List<?> allocations = disclosed.statusCode() == 200 ? disclosed.path("allocations") : null;
            return allocations != null && !allocations.isEmpty() ? 200 : 0; // 0: not allocated yet
        }, 200, Duration.ofSeconds(60));
        String project = as("community-staff")
                .body(Map.of("fundYear", YEAR, "title", "水井坊院落路灯改造", "category", "INFRASTRUCTURE_MAINTENANCE",
                        "purpose", "更换院落内损坏路灯 12 盏", "budgetFen", 3_000_000, "contributionFen", 200_000, "urgency", "HIGH"))
                .post(finance + "/api/communities/" + COMMUNITY + "/projects").then().statusCode(201).extract().path("id");
        String round = as("community-staff").body(Map.of("title", YEAR + " 年项目意见征集", "projectIds", List.of(project)))
                .post(finance + "/api/communities/" + COMMUNITY + "/vote-rounds").then().statusCode(201).extract().path("id");
        String ballots = finance + "/api/communities/" + COMMUNITY + "/vote-rounds/" + round;
        for (int n = 1; n <= 12; n++) {
            String resident = "resident-" + n;
            eventually(() -> as(resident).body(Map.of("approvals", List.of(project))).post(ballots + "/ballots").statusCode(),
                    201, Duration.ofSeconds(60)); // the household list arrives from the registry's events
        }
        as("community-staff").body(Map.of("householdCode", household(13), "sheet", "S-2027-001", "approvals", List.of(project)))
                .post(ballots + "/paper-ballots").then().statusCode(201);
        as("community-staff").body(Map.of("householdCode", household(1), "sheet", "S-2027-001", "approvals", List.of()))
                .post(ballots + "/paper-ballots").then().statusCode(409); // F7: H0001 voted online already
        as("community-staff").post(ballots + "/close").then().statusCode(200).body("ballots", equalTo(13));
        advance(project, 2, null).then().statusCode(200);
        advance(project, 3, "院落自组织梳理讨论，形成实施方案").then().statusCode(200);
        advance(project, 4, null).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F6"));
        return project;
    }

    /**
     * The constituted 25-member community council: the demo city's, else five group councils of five (two cadres
     * each), then the community council chosen from them (D1-D3).
     */
    private String constitutedCommunityCouncil() {
        eventually(() -> as("community-staff").get(deliberation + "/api/councils?community=" + COMMUNITY).statusCode(),
                200, Duration.ofSeconds(60));
        List<Map<String, Object>> existing = as("community-staff").get(deliberation + "/api/councils?community=" + COMMUNITY)
                .path("findAll { it.level == 'COMMUNITY' && it.constituted }");
        if (!existing.isEmpty()) {
            return String.valueOf(existing.get(0).get("id"));
        }
        for (int g = 0; g < GROUPS.size(); g++) {
            int first = 5 * g + 1;
            council("GROUP", GROUPS.get(g), "第" + (g + 1) + "居民小组议事会", IntStream.range(first, first + 5).boxed().toList());
        }
        return council("COMMUNITY", null, "水井坊社区协商议事会", IntStream.rangeClosed(1, 25).boxed().toList());
    }

    private String council(String level, String unit, String name, List<Integer> members) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("communityCode", COMMUNITY, "level", level, "name", name));
        if (unit != null) {
            body.put("unitCode", unit);
        }
        String id = as("community-staff").body(body).post(deliberation + "/api/councils").then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            candidates.add(Map.of("personId", member(members.get(i)), "cadre", i % 5 < 2, "votes", 100 - i));
        }
        as("community-staff").body(Map.of("heldOn", today.toString(), "seats", members.size(), "voters", 120,
                        "termStart", today.toString(), "termEnd", today.plusYears(3).toString(), "candidates", candidates))
                .post(deliberation + "/api/councils/" + id + "/elections").then().statusCode(201);
        as("community-staff").post(deliberation + "/api/councils/" + id + "/constitute").then().statusCode(200);
        return id;
    }

    private String proposalByTenResidents(String council, String project) {
        String proposal = as("resident-1").body(Map.of("title", "同意公共资金项目：水井坊院落路灯改造",
                        "body", "院落路灯损坏，夜间出行不便，居民联名提请议事会协商。",
                        "subjectType", "FUND_PROJECT", "subjectRef", project))
                .post(deliberation + "/api/councils/" + council + "/proposals").then().statusCode(201).extract().path("id");
        for (int n = 2; n <= 10; n++) {
            as("resident-" + n).post(deliberation + "/api/proposals/" + proposal + "/signatures").then().statusCode(201);
        }
        as("resident-1").body(Map.of("decision", "APPROVE")).post(deliberation + "/api/proposals/" + proposal + "/review")
                .then().statusCode(403); // only the party reviewer reviews (D5)
        as("party-reviewer").body(Map.of("decision", "APPROVE")).post(deliberation + "/api/proposals/" + proposal + "/review")
                .then().statusCode(200);
        return proposal;
    }

    private String debatedMotion(String council, String proposal) {
        Response scheduled = as("community-staff").body(Map.of("title", "社区议事会例会",
                        "scheduledAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        "chairPersonId", "community-staff", "proposalIds", List.of(proposal)))
                .post(deliberation + "/api/councils/" + council + "/meetings");
        scheduled.then().statusCode(201);
        String meeting = scheduled.path("id");
        String item = scheduled.path("items[0].id");
        String m = deliberation + "/api/meetings/" + meeting;
        for (int n = 1; n <= 19; n++) {
            as(member(n)).post(m + "/attendance").then().statusCode(200);
        }
        as("community-staff").post(m + "/items/" + item + "/open").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D6")); // 19 of 25, 20 needed
        as(member(20)).post(m + "/attendance").then().statusCode(200);
        as("community-staff").post(m + "/items/" + item + "/open").then().statusCode(200);
        String motion = as(member(1)).body(Map.of("text", "同意实施水井坊院落路灯改造，由居委会组织实施"))
                .post(m + "/motions").then().statusCode(201).extract().path("id");
        as(member(2)).body(Map.of("side", "FOR")).post(m + "/floor-requests").then().statusCode(200);
        as(member(3)).body(Map.of("side", "AGAINST")).post(m + "/floor-requests").then().statusCode(200);
        for (int turn = 0; turn < 2; turn++) {
            as("community-staff").post(m + "/floor/next").then().statusCode(200);
            as("community-staff").post(m + "/floor/end").then().statusCode(200);
        }
        return motion;
    }

    private ResolutionAdoptedV1 voteAndPublicise(String motion, String project) {
        String settings = deliberation + "/api/settings/publicity.days";
        as("city-operator").body(Map.of("value", "0", "reason", "system test: no week to wait")).put(settings).then().statusCode(200);
        try {
            Response box = as("community-staff").post(deliberation + "/api/motions/" + motion + "/vote");
            box.then().statusCode(200);
            Set<String> receipts = new HashSet<>();
            List<BlindBallotVoter> voters = new ArrayList<>();
            for (int n = 1; n <= 20; n++) { // D8 phase one: every present member's device takes its credential
                // RFC 9474 RSABSSA-SHA384-PSS-Randomized: prepare and blind, the box signs blind, finalize
                BlindBallotVoter voter = BlindBallotVoter.forBox(box.path("publicKeySpki"));
                String blindSig = as(member(n)).body(Map.of("blindedMsg", voter.blindedMsg()))
                        .post(deliberation + "/api/motions/" + motion + "/credentials").then().statusCode(200)
                        .extract().path("blindSig");
                voter.finalizeBlindSig(blindSig);
                voters.add(voter);
            }
            as(member(1)).body(Map.of("blindedMsg", BlindBallotVoter.forBox(box.path("publicKeySpki")).blindedMsg())).post(deliberation + "/api/motions/" + motion + "/credentials")
                    .then().statusCode(409); // D8: one credential per member and motion
            as("community-staff").post(deliberation + "/api/motions/" + motion + "/close-issuance").then().statusCode(200);
            for (int n = 1; n <= 20; n++) { // phase two: casting opens only after issuance closed
                BlindBallotVoter voter = voters.get(n - 1);
                String choice = n <= 18 ? "YES" : n == 19 ? "NO" : "ABSTAIN";
                Response cast = as(null).body(voter.ballot(motion, choice)).post(deliberation + "/api/ballots");
                cast.then().statusCode(201);
                receipts.add(BlindBallotVoter.receiptOf(cast.path("ballotId")));
            }
            as("community-staff").post(deliberation + "/api/motions/" + motion + "/close-vote").then().statusCode(200)
                    .body("status", equalTo("PASSED")).body("yes", equalTo(18)).body("no", equalTo(1)).body("abstain", equalTo(1));
            List<String> published = as(member(7)).get(deliberation + "/api/motions/" + motion + "/ballot-box")
                    .then().statusCode(200).extract().path("receipts");
            assertThat(published).as("D8: every voter finds their receipt in the tally").containsAll(receipts).hasSize(20);
            as("city-operator").post(deliberation + "/api/publicity/adopt-due").then().statusCode(200);
        } finally {
            as("city-operator").body(Map.of("value", "7", "reason", "system test: restore the 7-day publicity")).put(settings);
        }
        as(null).get(deliberation + "/api/public/resolutions?community=" + COMMUNITY).then().statusCode(200)
                .body("find { it.subjectRef == '" + project + "' }.status", equalTo("ADOPTED"));

        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(sut.kafka().bootstrapServers(),
                Topics.DELIBERATION_RESOLUTIONS, Duration.ofSeconds(60), r -> r.stream().anyMatch(x -> x.value().contains(project)));
        ConsumerRecord<String, String> event = read.stream().filter(x -> x.value().contains(project)).findFirst().orElseThrow();
        assertThat(event.key()).isEqualTo(COMMUNITY);
        assertThat(TestKafka.header(event, CloudEventHeaders.TYPE)).isEqualTo(EventType.RESOLUTION_ADOPTED.ceType());
        assertThat(TestKafka.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(COMMUNITY);
        assertThat(TestKafka.header(event, CloudEventHeaders.ID)).isNotBlank();
        assertThat(EventSchemas.violations(EventType.RESOLUTION_ADOPTED, event.value())).isEmpty();
        return EventJson.read(event.value(), ResolutionAdoptedV1.class);
    }

    private static Response advance(String project, int step, String note) {
        Map<String, Object> body = note == null ? Map.of("step", step) : Map.of("step", step, "note", note);
        return as("community-staff").body(body).post(finance + "/api/projects/" + project + "/steps");
    }

    private static RequestSpecification as(String user) {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
        return user == null ? spec : spec.auth().oauth2(sut.token(user));
    }

    /** Polls until the status is the expected one: what a service learns from another arrives by event. */
    private static void eventually(Supplier<Integer> status, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last;
        do {
            last = status.get();
            if (last == expected) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last + " after " + timeout + ", expected " + expected);
    }

    private static String member(int n) {
        return "council-member-" + n;
    }

    private static String household(int n) {
        return String.format("H%04d", n);
    }
}
