package city.yingzao.deliberation.api;

import city.yingzao.testing.BlindBallotVoter;
import city.yingzao.testing.IsolationProbe;
import city.yingzao.testing.IsolationProbe.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation, generated from the OpenAPI document: every operation called with tenant A's
 * councils, meetings, motions and resolutions (community A1 of district 510104) by every scoped role
 * of tenant B (a community of district 510199) is a 403/404 problem and changes no table, and A's
 * own callers (its members, the chair, a resident) reach it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Deliberation: another community's or district's caller reaches none of A's councils, meetings, motions or resolutions")
class IsolationMatrixTest {

    static final String OWN_DISTRICT = "510104";
    static final String OTHER_DISTRICT = "510199";

    @TestHTTPResource("/")
    URI root;

    DeliberationSecurityMatrixTest.World w;
    Tenant a;
    Tenant b;
    String scheduled;
    String awaitingReview;
    String collecting;
    String ownProposal;
    String approved;
    String objection;

    /** The security matrix's world in community A1, a meeting not yet started, proposals at each stage, an objection. */
    @BeforeEach
    void tenantA() {
        if (w != null) {
            return;
        }
        w = new DeliberationSecurityMatrixTest.World();
        String a1 = w.flow.community;
        w.flow.items.clear();
        w.flow.schedule(w.flow.approvedProposal("议题五", "GENERAL", null));
        scheduled = w.flow.meeting;
        awaitingReview = w.freshProposalAwaitingReview();
        collecting = w.freshResidentsProposal();
        ownProposal = as(w.flow.member(1)).body(Map.of("title", "撤回", "body", "b", "subjectType", "GENERAL"))
                .post("/api/councils/" + w.flow.council + "/proposals").then().statusCode(201).extract().path("id");
        approved = w.flow.approvedProposal("议题六", "GENERAL", null);
        objection = as(Fixtures.resident(a1, 3)).body(Map.of("text", "异议"))
                .post("/api/resolutions/" + w.resolution + "/objections").then().statusCode(201).extract().path("id");
        a = Tenant.of(a1, OWN_DISTRICT, "ORG-A", "H0012");
        b = Tenant.of(Fixtures.community(OTHER_DISTRICT), OTHER_DISTRICT, "ORG-B", "H0001");
    }

    @Test
    @DisplayName("every operation × every scoped role of the other tenant → 403/404, nothing changed; A's callers get through")
    void everyOperation() {
        String community = a.community();
        String council = w.flow.council;
        String openItem = as(Fixtures.cityOperator()).get("/api/meetings/" + w.idle).path("floor.openItem");
        IsolationProbe.Result result = IsolationProbe.against(root).tenants(a, b)
                .insider("member 1 of A's council", w.flow.member(1), "council-member", "resident")
                .insider("the chair of A's meetings", w.flow.chairToken(), "resident")
                .insider("resident 12 of A", Fixtures.resident(community, 12), "resident")
                .value("community", community).value("code", community).value("courtyard", "Y01")
                .body("POST /api/councils", Map.of("communityCode", community, "level", "COURTYARD", "unitCode", "Y05", "name", "院落议事会"))
                .target("GET /api/councils/{id}", "/api/councils/" + council)
                .target("POST /api/councils/{id}/elections", "/api/councils/" + w.emptyCouncil + "/elections")
                .body("POST /api/councils/{id}/elections", Fixtures.election(List.of("p-" + UUID.randomUUID()), List.of(false)))
                .target("GET /api/councils/{id}/elections", "/api/councils/" + council + "/elections")
                .target("POST /api/councils/{id}/constitute", "/api/councils/" + w.emptyCouncil + "/constitute")
                .body("POST /api/councils/{id}/constitute", Map.of())
                .target("POST /api/councils/{id}/seats/{personId}/vacate",
                        "/api/councils/" + council + "/seats/" + memberId(community, 25) + "/vacate")
                .body("POST /api/councils/{id}/seats/{personId}/vacate", Map.of("reason", "isolation: moved away"))
                .target("POST /api/councils/{id}/proposals", "/api/councils/" + council + "/proposals")
                .body("POST /api/councils/{id}/proposals", Map.of("title", "提案", "body", "b", "subjectType", "GENERAL"))
                .target("GET /api/councils/{id}/proposals", "/api/councils/" + council + "/proposals")
                .target("POST /api/councils/{id}/meetings", "/api/councils/" + council + "/meetings")
                .body("POST /api/councils/{id}/meetings", Map.of("title", "会议", "scheduledAt", Instant.now().toString(),
                        "chairPersonId", w.flow.chair, "proposalIds", List.of(approved)))
                .target("GET /api/councils/{id}/meetings", "/api/councils/" + council + "/meetings")
                .target("GET /api/proposals/{id}", "/api/proposals/" + awaitingReview)
                .target("POST /api/proposals/{id}/signatures", "/api/proposals/" + collecting + "/signatures")
                .target("POST /api/proposals/{id}/review", "/api/proposals/" + awaitingReview + "/review")
                .body("POST /api/proposals/{id}/review", Map.of("decision", "APPROVE"))
                .target("POST /api/proposals/{id}/withdrawal", "/api/proposals/" + ownProposal + "/withdrawal")
                .body("POST /api/proposals/{id}/withdrawal", Map.of("reason", "isolation"))
                .target("GET /api/meetings/{id}", "/api/meetings/" + w.debating)
                .target("POST /api/meetings/{id}/cancellation", "/api/meetings/" + scheduled + "/cancellation")
                .body("POST /api/meetings/{id}/cancellation", Map.of("reason", "isolation"))
                .target("PUT /api/meetings/{id}/scheduled-at", "/api/meetings/" + scheduled + "/scheduled-at")
                .body("PUT /api/meetings/{id}/scheduled-at", Map.of("scheduledAt", Instant.now().plusSeconds(86_400).toString()))
                .target("POST /api/meetings/{id}/attendance", "/api/meetings/" + w.debating + "/attendance")
                .body("POST /api/meetings/{id}/attendance", Map.of("personId", memberId(community, 1)))
                .target("POST /api/meetings/{id}/attendance/{personId}/leave",
                        "/api/meetings/" + w.debating + "/attendance/" + memberId(community, 20) + "/leave")
                .target("POST /api/meetings/{id}/items/{itemId}/open", "/api/meetings/" + w.idle + "/items/" + openItem + "/open")
                .target("POST /api/meetings/{id}/motions", "/api/meetings/" + w.debating + "/motions")
                .body("POST /api/meetings/{id}/motions", Map.of("text", "又一动议"))
                .target("POST /api/meetings/{id}/floor-requests", "/api/meetings/" + w.debating + "/floor-requests")
                .body("POST /api/meetings/{id}/floor-requests", Map.of("side", "FOR"))
                .target("POST /api/meetings/{id}/floor/next", "/api/meetings/" + w.debating + "/floor/next")
                .target("POST /api/meetings/{id}/floor/end", "/api/meetings/" + w.idle + "/floor/end")
                .target("POST /api/meetings/{id}/close", "/api/meetings/" + w.debating + "/close")
                .target("GET /api/meetings/{id}/minutes", "/api/meetings/" + w.debating + "/minutes")
                .target("POST /api/meetings/{id}/minutes/publish", "/api/meetings/" + w.debating + "/minutes/publish")
                .target("GET /api/motions/{id}", "/api/motions/" + w.motionInDebate)
                .target("POST /api/motions/{id}/amendments", "/api/motions/" + w.motionVoting + "/amendments")
                .body("POST /api/motions/{id}/amendments", Map.of("text", "修正"))
                .target("POST /api/motions/{id}/vote", "/api/motions/" + w.motionVoting + "/vote")
                .target("GET /api/motions/{id}/ballot-box", "/api/motions/" + w.motionVoting + "/ballot-box")
                .target("POST /api/motions/{id}/credentials", "/api/motions/" + w.motionVoting + "/credentials")
                .body("POST /api/motions/{id}/credentials",
                        Map.of("blindedMsg", BlindBallotVoter.forBox(w.votingBox.getString("publicKeySpki")).blindedMsg()))
                .target("POST /api/motions/{id}/close-issuance", "/api/motions/" + w.motionVoting + "/close-issuance")
                .target("POST /api/motions/{id}/close-vote", "/api/motions/" + w.motionInDebate + "/close-vote")
                .target("GET /api/resolutions/{id}", "/api/resolutions/" + w.resolution)
                .target("POST /api/resolutions/{id}/objections", "/api/resolutions/" + w.resolution + "/objections")
                .body("POST /api/resolutions/{id}/objections", Map.of("text", "异议"))
                .target("POST /api/resolutions/{id}/objections/{objectionId}/response",
                        "/api/resolutions/" + w.resolution + "/objections/" + objection + "/response")
                .body("POST /api/resolutions/{id}/objections/{objectionId}/response", Map.of("text", "答复"))
                .body("POST /api/communities/{code}/conventions", Map.of("kind", "VILLAGE_RULES", "title", "村规民约", "text", "第一条"))
                .target("POST /api/conventions/{id}/versions", "/api/conventions/" + w.convention + "/versions")
                .body("POST /api/conventions/{id}/versions", Map.of("text", "第二版"))
                .body("PUT /api/communities/{code}/courtyards/{courtyard}/checklist",
                        Map.of("hasOrganisation", true, "hasCompact", false, "hasActivities", true, "affairsPublic", true))
                .target("GET /api/districts/{code}/deliberation-figures", "/api/districts/" + OWN_DISTRICT + "/deliberation-figures")
                .reachLast("POST /api/motions/{id}/close-issuance", "POST /api/motions/{id}/close-vote",
                        "POST /api/meetings/{id}/close", "POST /api/meetings/{id}/minutes/publish",
                        "POST /api/councils/{id}/seats/{personId}/vacate")
                .kernelOperations()
                .publicRead("GET /api/public/*", "published resolutions, minutes, conventions, checklists and closed"
                        + " votes are public (D9); unpublished minutes are 404 to everyone")
                .cityWide("POST /api/ballots", "anonymous by design (D8): never reads a token, the blind signature is"
                        + " the credential; a forged one is 422 to everyone")
                .cityWide("POST /api/publicity/adopt-due", "takes no path value: adopts the due resolutions of the"
                        + " caller's own communities only (B's call changes none of A's rows: the fingerprint holds)")
                .run().assertIsolated();
        System.out.println("[deliberation] isolation: " + result.summary());

        assertThat(result.operations()).isGreaterThan(45);
        assertThat(result.outcomes()).containsKeys("B 403 out-of-scope");
    }
}
