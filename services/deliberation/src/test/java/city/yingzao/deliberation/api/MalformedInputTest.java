package city.yingzao.deliberation.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.testing.MalformedInputProbe;
import city.yingzao.testing.RequestFieldLimits;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@DisplayName("Every deliberation endpoint answers %00, \\u0000, repeated JSON keys and too-long text with a 4xx problem, as every role and anonymously")
class MalformedInputTest {

    /** Every realm role; the probe calls an operation as those its OpenAPI security lists. */
    static final List<String> ROLES = Roles.ALL;

    @TestHTTPResource("/")
    URI root;

    @Test
    @DisplayName("no endpoint answers the probe's malformed input with a 5xx, a 2xx or without problem details, and no table changes")
    void everyEndpoint() {
        String community = Fixtures.community();
        long before = rows(community);
        MalformedInputProbe probe = MalformedInputProbe.against(root).pathValue("code", community);
        for (String role : ROLES) {
            probe.caller(role, TestTokens.user("probe-" + role).roles(role).communities(community).district("510104")
                    .household("H0001").org("ORG01").sign(), role);
        }
        MalformedInputProbe.Result result = probe.unchangedTables("public").run().assertClean();
        System.out.println("[deliberation] malformed input: " + result.summary());

        assertThat(result.operations()).isGreaterThan(25);
        assertThat(result.variants()).containsKeys("path %00", "query %00", "json \\u0000", "json repeated key", "json too long",
                "path too long", "json wrong type", "json required missing", "json not json", "json deep nesting", "content type");
        assertThat(result.tables()).isGreaterThan(10);
        assertThat(rows(community)).isEqualTo(before);
    }

    @Test
    @DisplayName("no request text field is longer than the column that stores it")
    void fieldLengths() {
        int checked = RequestFieldLimits.of(Requests.class)
                .stores("CreateCouncilRequest.communityCode", "council.community_code")
                .stores("CreateCouncilRequest.unitCode", "council.unit_code")
                .stores("CreateCouncilRequest.name", "council.name")
                .stores("CandidateRequest.personId", "election_candidate.person_id", "seat.person_id")
                .stores("VacateRequest.reason", "seat.vacated_reason")
                .stores("ProposalRequest.title", "proposal.title")
                .stores("ProposalRequest.body", "proposal.body")
                .stores("ProposalRequest.subjectRef", "proposal.subject_ref", "resolution.subject_ref")
                .stores("ReviewRequest.reason", "proposal.review_reason")
                .stores("MeetingRequest.title", "meeting.title")
                .stores("MeetingRequest.chairPersonId", "meeting.chair_person_id")
                .stores("SignInRequest.personId", "attendance.person_id")
                .stores("MotionRequest.text", "motion.text", "resolution.title")
                .notStored("CredentialRequest.blindedMsg", "256 bytes in base64url, signed blind and never stored")
                .notStored("BallotRequest.preparedMsg", "64 bytes in base64url; only the SHA-256 of its token is stored (ballot.token_hash)")
                .notStored("BallotRequest.signature", "256 bytes in base64url, verified and never stored")
                .stores("ObjectionRequest.text", "objection.text")
                .stores("ResponseRequest.text", "objection.response")
                .stores("ConventionRequest.courtyardCode", "convention.courtyard_code")
                .stores("ConventionRequest.title", "convention.title")
                .stores("ConventionRequest.text", "convention_version.text")
                .stores("VersionRequest.text", "convention_version.text")
                .stores("ChecklistRequest.note", "courtyard_checklist.note")
                .stores("ReasonRequest.reason", "meeting.cancel_reason", "proposal.withdraw_reason")
                .check();
        assertThat(checked).isEqualTo(21);
    }

    @Test
    @DisplayName("the audit log and the district figures refuse malformed query parameters with 400 problem details")
    void auditAndFiguresParameters() {
        String community = Fixtures.community();
        String operator = Fixtures.cityOperator();
        for (String query : List.of("from=yesterday", "to=2026-13-01", "from=2026-12-02&to=2026-12-01", "page=-1", "size=0",
                "size=201", "page=x", "from=1999-12-31T00:00:00Z")) {
            Fixtures.as(operator).get("/api/audit?community=" + community + "&" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Fixtures.as(operator).get("/api/audit?community=" + "C".repeat(33)).then().statusCode(400);
        for (String query : List.of("year=1999", "year=2101", "year=abc", "page=-1", "size=0", "size=201")) {
            Fixtures.as(operator).get("/api/districts/510104/deliberation-figures?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Fixtures.as(operator).get("/api/districts/" + "D".repeat(33) + "/deliberation-figures").then().statusCode(400);
    }

    private static long rows(String community) {
        return TestPostgres.count("select count(*) from council where community_code = ?", community)
                + TestPostgres.count("select count(*) from proposal where community_code = ?", community)
                + TestPostgres.count("select count(*) from meeting where community_code = ?", community)
                + TestPostgres.count("select count(*) from audit_entry where community_code = ?", community);
    }
}
