package city.yingzao.deliberation.api;

import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.member;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static city.yingzao.deliberation.api.Fixtures.resident;
import static city.yingzao.deliberation.api.Fixtures.reviewer;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("Proposals and party review")
class ProposalApiTest {

    private static String community;
    private static String council;

    @BeforeEach
    void council() {
        if (council == null) {
            community = Fixtures.community();
            council = Fixtures.constitutedCommunityCouncil(community);
        }
    }

    static Map<String, Object> proposal(String title) {
        return new HashMap<>(Map.of("title", title, "body", "理由与方案", "subjectType", "GENERAL"));
    }

    static String fileByResidents(int signers) {
        String id = as(resident(community, 1)).body(proposal("院落停车公约")).post("/api/councils/" + council + "/proposals")
                .then().statusCode(201).body("proposerKind", equalTo("RESIDENTS")).body("signatures", equalTo(1))
                .extract().path("id");
        for (int n = 2; n <= signers; n++) {
            as(resident(community, n)).post("/api/proposals/" + id + "/signatures").then().statusCode(201);
        }
        return id;
    }

    @Test
    @DisplayName("D4 residents: nine signatures are not enough to be reviewed, the tenth sends the proposal to review")
    void tenResidents() {
        String id = fileByResidents(9);
        as(reviewer(community)).body(Map.of("decision", "APPROVE")).post("/api/proposals/" + id + "/review")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D4"))
                .body("detail", equalTo("D4: 9 of 10 co-signatures of residents, the proposal cannot be reviewed yet"));
        as(resident(community, 10)).post("/api/proposals/" + id + "/signatures").then().statusCode(201)
                .body("status", equalTo("AWAITING_REVIEW")).body("signatures", equalTo(10));
    }

    @Test
    @DisplayName("D4 a co-signature counts once per resident: signing again answers 200 and changes nothing")
    void signOnce() {
        String id = fileByResidents(3);
        as(resident(community, 3)).post("/api/proposals/" + id + "/signatures").then().statusCode(200).body("signatures", equalTo(3));
        as(resident(community, 1)).post("/api/proposals/" + id + "/signatures").then().statusCode(200).body("signatures", equalTo(3));
    }

    @Test
    @DisplayName("D4 co-signers are residents of the community with a registered household")
    void residentsOfTheCommunity() {
        String id = fileByResidents(2);
        as(TestTokens.user("outsider").roles("resident").communities("ELSEWHERE").household("H0001").sign())
                .post("/api/proposals/" + id + "/signatures").then().statusCode(403);
        as(TestTokens.user("newcomer").roles("resident").communities(community).household("H0999").sign())
                .post("/api/proposals/" + id + "/signatures").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D4")).body("detail", containsString("no household registered"));
    }

    @Test
    @DisplayName("D4 staff file for the party organisation, a member files in their own council, a resident may not claim the committee")
    void whoMayFile() {
        Map<String, Object> forParty = proposal("社区微更新");
        forParty.put("onBehalfOf", "PARTY_ORGANISATION");
        as(staff(community)).body(forParty).post("/api/councils/" + council + "/proposals").then().statusCode(201)
                .body("proposerKind", equalTo("PARTY_ORGANISATION")).body("status", equalTo("AWAITING_REVIEW"));
        as(member(community, memberId(community, 3))).body(proposal("增设休闲座椅")).post("/api/councils/" + council + "/proposals")
                .then().statusCode(201).body("proposerKind", equalTo("COUNCIL_MEMBER")).body("status", equalTo("AWAITING_REVIEW"));
        Map<String, Object> claim = proposal("冒名提案");
        claim.put("onBehalfOf", "COMMITTEE");
        as(resident(community, 4)).body(claim).post("/api/councils/" + council + "/proposals").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D4"));
        as(member("ELSEWHERE", "member-x")).body(proposal("外社区")).post("/api/councils/" + council + "/proposals")
                .then().statusCode(403);
    }

    @Test
    @DisplayName("D5 a rejection needs a reason, which the proposers read; only an awaiting proposal is reviewed")
    void rejectionWithReason() {
        String id = fileByResidents(10);
        as(reviewer(community)).body(Map.of("decision", "REJECT")).post("/api/proposals/" + id + "/review")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D5"));
        as(reviewer(community)).body(Map.of("decision", "REJECT", "reason", "涉及私人产权，不属于公共事务"))
                .post("/api/proposals/" + id + "/review").then().statusCode(200).body("status", equalTo("REJECTED"));
        as(resident(community, 1)).get("/api/proposals/" + id).then().statusCode(200)
                .body("reviewReason", equalTo("涉及私人产权，不属于公共事务")).body("reviewedBy", equalTo("party-reviewer"));
        as(reviewer(community)).body(Map.of("decision", "APPROVE")).post("/api/proposals/" + id + "/review")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D5"));
    }

    @Test
    @DisplayName("D10 a reviewer who co-signed a proposal may not review it; another reviewer may")
    void reviewerWhoSigned() {
        String id = fileByResidents(10);
        String signingReviewer = TestTokens.user("reviewer-who-lives-here").roles("party-reviewer", "resident")
                .communities(community).household("H0011").sign();
        as(signingReviewer).post("/api/proposals/" + id + "/signatures").then().statusCode(201);
        as(signingReviewer).body(Map.of("decision", "APPROVE")).post("/api/proposals/" + id + "/review")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D10"))
                .body("detail", containsString("filed or co-signed this proposal"));
        as(reviewer(community)).body(Map.of("decision", "APPROVE")).post("/api/proposals/" + id + "/review")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    @DisplayName("D5 a party reviewer of another community may not review (403 out-of-scope)")
    void reviewerOfAnotherCommunity() {
        String id = fileByResidents(10);
        as(reviewer("ELSEWHERE")).body(Map.of("decision", "APPROVE")).post("/api/proposals/" + id + "/review")
                .then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
    }
}
