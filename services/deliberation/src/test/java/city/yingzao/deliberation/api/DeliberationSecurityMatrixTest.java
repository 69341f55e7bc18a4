package city.yingzao.deliberation.api;

import city.yingzao.testing.BlindBallotVoter;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller → the status they get. "403 scope" is the right role in
 * the wrong community or council (problem out-of-scope); a plain "403" is the wrong role. A status
 * of 409/422 for an allowed caller means they passed role and scope and met the state of the world
 * (a rule or a conflict), which is all this table is about. The world is built once: community A
 * with a constituted council of 25; "member-own" holds seat 1 of it; "other" callers belong to
 * another community.
 */
@QuarkusTest
class DeliberationSecurityMatrixTest {

    static World world;

    enum Who {
        ANONYMOUS, CITY_OPERATOR, STAFF_OWN, STAFF_OTHER, REVIEWER_OWN, REVIEWER_OTHER, MEMBER_OWN, MEMBER_OTHER,
        RESIDENT_OWN, RESIDENT_OTHER;

        String token() {
            String a = world.flow.community;
            return switch (this) {
                case ANONYMOUS -> null;
                case CITY_OPERATOR -> Fixtures.cityOperator();
                case STAFF_OWN -> staff(a);
                case STAFF_OTHER -> staff("OTHER01");
                case REVIEWER_OWN -> TestTokens.user("reviewer-a").roles("party-reviewer").communities(a).sign();
                case REVIEWER_OTHER -> TestTokens.user("reviewer-b").roles("party-reviewer").communities("OTHER01").sign();
                case MEMBER_OWN -> world.flow.member(1);
                case MEMBER_OTHER -> Fixtures.member("OTHER01", "member-b");
                case RESIDENT_OWN -> Fixtures.resident(a, 12);
                case RESIDENT_OTHER -> TestTokens.user("resident-b").roles("resident").communities("OTHER01").household("H0001").sign();
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** The world every row acts on, built through the API. */
    static final class World {
        final MeetingFlow flow = new MeetingFlow();
        final AtomicInteger courtyards = new AtomicInteger();
        String emptyCouncil;
        String debating;       // meeting with motion X in debate, members 1-20 present
        String motionInDebate;
        String idle;           // meeting with an open item and no motion
        String voting;         // meeting whose motion Y is being voted on
        String motionVoting;
        JsonPath votingBox;
        String motionClosed;   // a motion whose vote is closed (the public list of ballots)
        String resolution;
        String convention;

        World() {
            String a = flow.community;
            emptyCouncil = Fixtures.createCouncil(a, "COURTYARD", "Y01");
            flow.schedule(flow.approvedProposal("议题一", "GENERAL", null)).signIn(1, 20).openItem(0);
            debating = flow.meeting;
            motionInDebate = flow.move(2, "动议X");

            idle = meeting(flow.approvedProposal("议题二", "GENERAL", null));
            voting = meeting(flow.approvedProposal("议题三", "GENERAL", null));
            flow.meeting = voting;
            motionVoting = flow.move(2, "动议Y");
            votingBox = flow.putToVote(motionVoting);

            String passed = meeting(flow.approvedProposal("议题四", "GENERAL", null));
            flow.meeting = passed;
            String motion = flow.move(2, "动议Z");
            JsonPath box = flow.putToVote(motion);
            flow.ballot(motion, box, 1, 20, n -> "YES");
            flow.closeVote(motion);
            motionClosed = motion;
            resolution = given().queryParam("community", a).get("/api/public/resolutions").path("[0].id");
            convention = as(staff(a)).body(Map.of("kind", "COMMUNITY_CONVENTION", "title", "公约", "text", "第一条"))
                    .post("/api/communities/" + a + "/conventions").then().statusCode(201).extract().path("id");
        }

        /** A meeting with members 1-20 present and its first item open. */
        private String meeting(String proposal) {
            flow.items.clear();
            flow.schedule(proposal).signIn(1, 20).openItem(0);
            return flow.meeting;
        }

        String freshProposalAwaitingReview() {
            return as(flow.member(5)).body(Map.of("title", "新议题", "body", "b", "subjectType", "GENERAL"))
                    .post("/api/councils/" + flow.council + "/proposals").then().statusCode(201).extract().path("id");
        }

        String freshResidentsProposal() {
            return as(Fixtures.resident(flow.community, 1)).body(Map.of("title", "联名", "body", "b", "subjectType", "GENERAL"))
                    .post("/api/councils/" + flow.council + "/proposals").then().statusCode(201).extract().path("id");
        }
    }

    record Endpoint(String method, String label, Supplier<String> path, Supplier<Object> body) {
        @Override
        public String toString() {
            return method + " " + label;
        }
    }

    static Endpoint get(String label, Supplier<String> path) {
        return new Endpoint("GET", label, path, null);
    }

    static Endpoint post(String label, Supplier<String> path, Supplier<Object> body) {
        return new Endpoint("POST", label, path, body);
    }

    static Endpoint put(String label, Supplier<String> path, Supplier<Object> body) {
        return new Endpoint("PUT", label, path, body);
    }

    static void row(List<Arguments> cases, Endpoint endpoint, String... expected) {
        Who[] who = Who.values();
        for (int i = 0; i < who.length; i++) {
            cases.add(Arguments.of(endpoint, who[i], expected[i]));
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> c = new ArrayList<>();
        //                                        anon  city   s-own   s-other     r-own  r-other     m-own  m-other     res-own res-other
        row(c, post("/api/councils", () -> "/api/councils", () -> Map.of("communityCode", world.flow.community, "level", "COURTYARD",
                        "unitCode", "Y" + (10 + world.courtyards.incrementAndGet()), "name", "院落议事会")),
                "401", "422", "422", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, get("/api/councils?community={own}", () -> "/api/councils?community=" + world.flow.community),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, get("/api/councils/{id}", () -> "/api/councils/" + world.flow.council),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/councils/{id}/elections", () -> "/api/councils/" + world.emptyCouncil + "/elections",
                        () -> Fixtures.election(List.of("p-" + UUID.randomUUID()), List.of(false))),
                "401", "201", "201", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, get("/api/councils/{id}/elections", () -> "/api/councils/" + world.flow.council + "/elections"),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/councils/{id}/constitute", () -> "/api/councils/" + world.emptyCouncil + "/constitute", () -> Map.of()),
                "401", "422", "422", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, post("/api/councils/{id}/seats/{nobody}/vacate", () -> "/api/councils/" + world.flow.council + "/seats/nobody/vacate",
                        () -> Map.of("reason", "test")),
                "401", "404", "404", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, post("/api/councils/{id}/proposals", () -> "/api/councils/" + world.flow.council + "/proposals",
                        () -> Map.of("title", "提案", "body", "b", "subjectType", "GENERAL")),
                "401", "422", "422", "403 scope", "403", "403", "201", "403 scope", "201", "403 scope");
        row(c, get("/api/councils/{id}/proposals", () -> "/api/councils/" + world.flow.council + "/proposals"),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/proposals/{collecting}/signatures", () -> "/api/proposals/" + world.freshResidentsProposal() + "/signatures",
                        () -> null),
                "401", "403", "403", "403", "403", "403", "422", "403 scope", "201", "403 scope");
        row(c, post("/api/proposals/{awaiting}/review", () -> "/api/proposals/" + world.freshProposalAwaitingReview() + "/review",
                        () -> Map.of("decision", "APPROVE")),
                "401", "403", "403", "403", "200", "403 scope", "403", "403", "403", "403");
        row(c, get("/api/proposals/{id}", () -> "/api/proposals/" + world.freshProposalAwaitingReview()),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/councils/{id}/meetings", () -> "/api/councils/" + world.flow.council + "/meetings",
                        () -> Map.of("title", "会议", "scheduledAt", Instant.now().toString(), "chairPersonId", "facilitator",
                                "proposalIds", List.of(UUID.randomUUID()))),
                "401", "404", "404", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, get("/api/councils/{id}/meetings", () -> "/api/councils/" + world.flow.council + "/meetings"),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, get("/api/meetings/{id}", () -> "/api/meetings/" + world.debating),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/meetings/{id}/attendance", () -> "/api/meetings/" + world.debating + "/attendance",
                        () -> Map.of("personId", memberId(world.flow.community, 1))),
                "401", "200", "200", "403 scope", "403", "403", "200", "403 scope", "403", "403");
        row(c, post("/api/meetings/{id}/attendance/{absent}/leave",
                        () -> "/api/meetings/" + world.debating + "/attendance/" + memberId(world.flow.community, 25) + "/leave", () -> null),
                "401", "409", "409", "403 scope", "403", "403", "403 scope", "403 scope", "403", "403");
        row(c, post("/api/meetings/{id}/items/{open}/open",
                        () -> "/api/meetings/" + world.idle + "/items/" + openItemOf(world.idle) + "/open", () -> null),
                "401", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope");
        row(c, post("/api/meetings/{id}/motions", () -> "/api/meetings/" + world.debating + "/motions", () -> Map.of("text", "又一动议")),
                "401", "403", "403", "403", "403", "403", "422", "403 scope", "403", "403");
        row(c, post("/api/meetings/{id}/floor-requests", () -> "/api/meetings/" + world.debating + "/floor-requests",
                        () -> Map.of("side", "FOR")),
                "401", "403", "403", "403", "403", "403", "200", "403 scope", "403", "403");
        row(c, post("/api/meetings/{idle}/floor/next", () -> "/api/meetings/" + world.idle + "/floor/next", () -> null),
                "401", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope");
        row(c, post("/api/meetings/{idle}/floor/end", () -> "/api/meetings/" + world.idle + "/floor/end", () -> null),
                "401", "409", "409", "403 scope", "409", "403 scope", "409", "403 scope", "409", "403 scope");
        row(c, post("/api/meetings/{id}/close", () -> "/api/meetings/" + world.debating + "/close", () -> null),
                "401", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope");
        row(c, get("/api/meetings/{id}/minutes", () -> "/api/meetings/" + world.debating + "/minutes"),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/meetings/{id}/minutes/publish", () -> "/api/meetings/" + world.debating + "/minutes/publish", () -> null),
                "401", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope");
        row(c, get("/api/motions/{id}", () -> "/api/motions/" + world.motionInDebate),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/motions/{voting}/amendments", () -> "/api/motions/" + world.motionVoting + "/amendments",
                        () -> Map.of("text", "修正")),
                "401", "403", "403", "403", "403", "403", "422", "403 scope", "403", "403");
        row(c, post("/api/motions/{voting}/vote", () -> "/api/motions/" + world.motionVoting + "/vote", () -> null),
                "401", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope");
        row(c, get("/api/motions/{id}/ballot-box", () -> "/api/motions/" + world.motionVoting + "/ballot-box"),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/motions/{voting}/credentials", () -> "/api/motions/" + world.motionVoting + "/credentials",
                        () -> Map.of("blindedMsg", BlindBallotVoter.forBox(world.votingBox.getString("publicKeySpki")).blindedMsg())),
                "401", "403", "403", "403", "403", "403", "200", "403 scope", "403", "403");
        row(c, post("/api/motions/{voting}/close-issuance", () -> "/api/motions/" + world.motionVoting + "/close-issuance", () -> null),
                "401", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope");
        row(c, post("/api/motions/{debating}/close-vote", () -> "/api/motions/" + world.motionInDebate + "/close-vote", () -> null),
                "401", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope", "403 scope");
        row(c, post("/api/ballots (forged signature)", () -> "/api/ballots", () -> Map.of("motionId", world.motionVoting,
                        "preparedMsg", BlindBallotVoter.b64url(new byte[64]), "signature", BlindBallotVoter.b64url(new byte[256]),
                        "choice", "YES")),
                "422", "422", "422", "422", "422", "422", "422", "422", "422", "422");
        row(c, get("/api/resolutions/{id}", () -> "/api/resolutions/" + world.resolution),
                "401", "200", "200", "403 scope", "200", "403 scope", "200", "403 scope", "200", "403 scope");
        row(c, post("/api/resolutions/{id}/objections", () -> "/api/resolutions/" + world.resolution + "/objections",
                        () -> Map.of("text", "异议")),
                "401", "403", "403", "403", "403", "403", "201", "403 scope", "201", "403 scope");
        row(c, post("/api/resolutions/{id}/objections/{unknown}/response",
                        () -> "/api/resolutions/" + world.resolution + "/objections/" + UUID.randomUUID() + "/response",
                        () -> Map.of("text", "答复")),
                "401", "404", "404", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, post("/api/publicity/adopt-due", () -> "/api/publicity/adopt-due", () -> null),
                "401", "200", "200", "200", "403", "403", "403", "403", "403", "403");
        row(c, post("/api/communities/{own}/conventions", () -> "/api/communities/" + world.flow.community + "/conventions",
                        () -> Map.of("kind", "VILLAGE_RULES", "title", "村规民约", "text", "第一条")),
                "401", "201", "201", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, post("/api/conventions/{with-draft}/versions", () -> "/api/conventions/" + world.convention + "/versions",
                        () -> Map.of("text", "第二版")),
                "401", "409", "409", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, put("/api/communities/{own}/courtyards/Y01/checklist",
                        () -> "/api/communities/" + world.flow.community + "/courtyards/Y01/checklist",
                        () -> Map.of("hasOrganisation", true, "hasCompact", false, "hasActivities", true, "affairsPublic", true)),
                "401", "200", "200", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, get("/api/public/resolutions?community={own}", () -> "/api/public/resolutions?community=" + world.flow.community),
                "200", "200", "200", "200", "200", "200", "200", "200", "200", "200");
        row(c, get("/api/public/resolutions/{id}", () -> "/api/public/resolutions/" + world.resolution),
                "200", "200", "200", "200", "200", "200", "200", "200", "200", "200");
        row(c, get("/api/public/meetings/{unpublished}/minutes", () -> "/api/public/meetings/" + world.debating + "/minutes"),
                "404", "404", "404", "404", "404", "404", "404", "404", "404", "404");
        row(c, get("/api/public/motions/{closed}/ballots", () -> "/api/public/motions/" + world.motionClosed + "/ballots"),
                "200", "200", "200", "200", "200", "200", "200", "200", "200", "200");
        row(c, get("/api/public/conventions/{id}", () -> "/api/public/conventions/" + world.convention),
                "200", "200", "200", "200", "200", "200", "200", "200", "200", "200");
        row(c, get("/api/public/communities/{own}/courtyard-checklists",
                        () -> "/api/public/communities/" + world.flow.community + "/courtyard-checklists"),
                "200", "200", "200", "200", "200", "200", "200", "200", "200", "200");
        row(c, get("/api/settings", () -> "/api/settings"),
                "401", "200", "403", "403", "403", "403", "403", "403", "403", "403");
        row(c, put("/api/settings/publicity.days", () -> "/api/settings/publicity.days",
                        () -> Map.of("value", "7", "reason", "security matrix: unchanged")),
                "401", "200", "403", "403", "403", "403", "403", "403", "403", "403");
        row(c, get("/api/audit?community={own}", () -> "/api/audit?community=" + world.flow.community),
                "401", "200", "200", "403 scope", "403", "403", "403", "403", "403", "403");
        row(c, get("/api/districts/{own}/deliberation-figures", () -> "/api/districts/510104/deliberation-figures"),
                "401", "200", "403", "403", "403", "403", "403", "403", "403", "403");
        return c.stream();
    }

    private static String openItemOf(String meeting) {
        return as(Fixtures.cityOperator()).get("/api/meetings/" + meeting).path("floor.openItem");
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void access(Endpoint endpoint, Who who, String expected) {
        if (world == null) {
            world = new World();
        }
        RequestSpecification request = who == Who.ANONYMOUS ? given() : given().auth().oauth2(who.token());
        request = request.contentType("application/json");
        Object body = endpoint.body() == null ? null : endpoint.body().get();
        if (body != null) {
            request = request.body(body);
        }
        String path = endpoint.path().get();
        Response response = switch (endpoint.method()) {
            case "GET" -> request.get(path);
            case "PUT" -> request.put(path);
            default -> request.post(path);
        };
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(Integer.parseInt(expected.substring(0, 3)));
        if (expected.equals("403 scope")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:out-of-scope");
        } else if (expected.equals("403")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:forbidden");
        }
    }

    @Test
    @DisplayName("the audit log and the district figures for district operators (own district, another) and auditors")
    void districtOperatorsAndAuditors() {
        if (world == null) {
            world = new World();
        }
        String own = TestTokens.user("district-own").roles("district-operator").district("510104").sign();
        String other = TestTokens.user("district-other").roles("district-operator").district("510199").sign();
        String auditor = TestTokens.user("auditor").roles("auditor").sign();
        String audit = "/api/audit?community=" + world.flow.community;
        String figures = "/api/districts/510104/deliberation-figures";
        as(own).get(audit).then().statusCode(200);
        as(other).get(audit).then().statusCode(403).body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:out-of-scope"));
        as(auditor).get(audit).then().statusCode(200);
        as(own).get(figures).then().statusCode(200);
        as(other).get(figures).then().statusCode(403).body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:out-of-scope"));
        as(auditor).get(figures).then().statusCode(403).body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:forbidden"));
    }

    @Test
    @DisplayName("a token signed by a stranger, an expired token or a tampered signature is refused with 401; public reads stay public")
    void invalidTokens() {
        if (world == null) {
            world = new World();
        }
        String path = "/api/councils/" + world.flow.council;
        given().auth().oauth2(TestTokens.signedByStranger("mallory", "city-operator")).get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.user("late").roles("city-operator").expiredSince(Duration.ofMinutes(5)).sign())
                .get(path).then().statusCode(401);
        String token = Fixtures.cityOperator();
        int dot = token.lastIndexOf('.');
        int middle = dot + 1 + (token.length() - dot - 1) / 2;
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        given().auth().oauth2(tampered).get(path).then().statusCode(401);
        given().auth().oauth2(token).get(path).then().statusCode(200);
        // authentication is lazy: a public read never looks at the header
        given().auth().oauth2(tampered).get("/api/public/resolutions/" + world.resolution).then().statusCode(200);
    }
}
