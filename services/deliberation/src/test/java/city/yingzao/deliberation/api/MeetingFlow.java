package city.yingzao.deliberation.api;

import city.yingzao.testing.BlindBallotVoter;
import city.yingzao.testing.TestTokens;
import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.member;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static city.yingzao.deliberation.api.Fixtures.resident;
import static city.yingzao.deliberation.api.Fixtures.reviewer;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;

/**
 * A meeting driven through the API the way people hold it: a constituted 25-member community
 * council, proposals by ten residents approved by the party reviewer, a neutral chair, members
 * signing in, motions, the floor, and the secret ballot cast through {@link BlindBallotVoter}.
 */
final class MeetingFlow {

    final String community;
    final String council;
    final String chair;
    String meeting;
    final List<String> items = new ArrayList<>();

    MeetingFlow() {
        this(Fixtures.community());
    }

    /** A constituted community council of 25 in the given community. */
    MeetingFlow(String community) {
        this.community = community;
        council = Fixtures.constitutedCommunityCouncil(community);
        chair = "facilitator-" + community;
    }

    String chairToken() {
        return TestTokens.user(chair).roles("resident").communities(community).sign();
    }

    String member(int n) {
        return Fixtures.member(community, memberId(community, n));
    }

    /** A proposal filed by resident 1 and co-signed by residents 2..10, approved by the party reviewer. */
    String approvedProposal(String title, String subjectType, String subjectRef) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "body", "居民联名提出", "subjectType", subjectType));
        if (subjectRef != null) {
            body.put("subjectRef", subjectRef);
        }
        String id = as(resident(community, 1)).body(body).post("/api/councils/" + council + "/proposals")
                .then().statusCode(201).extract().path("id");
        for (int n = 2; n <= 10; n++) {
            as(resident(community, n)).post("/api/proposals/" + id + "/signatures").then().statusCode(201);
        }
        as(reviewer(community)).body(Map.of("decision", "APPROVE")).post("/api/proposals/" + id + "/review").then().statusCode(200);
        return id;
    }

    /** Schedules a meeting on the given approved proposals and remembers its items. */
    MeetingFlow schedule(String... proposals) {
        JsonPath created = as(staff(community)).body(Map.of("title", "2026年第四季度议事会", "scheduledAt", Instant.now().toString(),
                        "chairPersonId", chair, "proposalIds", List.of(proposals)))
                .post("/api/councils/" + council + "/meetings").then().statusCode(201).extract().jsonPath();
        meeting = created.getString("id");
        items.addAll(created.getList("items.id"));
        return this;
    }

    MeetingFlow signIn(int from, int to) {
        IntStream.rangeClosed(from, to).forEach(n -> as(member(n)).post("/api/meetings/" + meeting + "/attendance").then().statusCode(200));
        return this;
    }

    MeetingFlow openItem(int index) {
        as(chairToken()).post("/api/meetings/" + meeting + "/items/" + items.get(index) + "/open").then().statusCode(200);
        return this;
    }

    String move(int member, String text) {
        return as(member(member)).body(Map.of("text", text)).post("/api/meetings/" + meeting + "/motions")
                .then().statusCode(201).extract().path("id");
    }

    /** Puts the motion to the vote; answers the ballot box's public key. */
    JsonPath putToVote(String motion) {
        return as(chairToken()).post("/api/motions/" + motion + "/vote").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The whole two-phase secret ballot (D8): members from..to take a credential (logged in) while
     * the box issues, the chair closes issuance, then every credential is cast (anonymous) in a
     * random order. Answers the ballot ids in the order they were cast.
     */
    List<String> ballot(String motion, JsonPath box, int from, int to, IntFunction<String> choice) {
        Map<Integer, BlindBallotVoter> voters = credentials(motion, box, from, to);
        closeIssuance(motion);
        List<Integer> order = new ArrayList<>(voters.keySet());
        Collections.shuffle(order);
        List<String> ballotIds = new ArrayList<>();
        for (int n : order) {
            ballotIds.add(cast(motion, voters.get(n), choice.apply(n)));
        }
        return ballotIds;
    }

    /** Members from..to take their credential while the box issues. */
    Map<Integer, BlindBallotVoter> credentials(String motion, JsonPath box, int from, int to) {
        Map<Integer, BlindBallotVoter> voters = new LinkedHashMap<>();
        IntStream.rangeClosed(from, to).forEach(n -> voters.put(n, credential(motion, box, n)));
        return voters;
    }

    /** The chair closes the issuance of credentials: casting opens. */
    JsonPath closeIssuance(String motion) {
        return as(chairToken()).post("/api/motions/" + motion + "/close-issuance").then().statusCode(200).extract().jsonPath();
    }

    BlindBallotVoter credential(String motion, JsonPath box, int n) {
        BlindBallotVoter voter = BlindBallotVoter.forBox(box.getString("publicKeySpki"));
        String signed = as(member(n)).body(Map.of("blindedMsg", voter.blindedMsg())).post("/api/motions/" + motion + "/credentials")
                .then().statusCode(200).extract().path("blindSig");
        return voter.finalizeBlindSig(signed);
    }

    static String cast(String motion, BlindBallotVoter voter, String choice) {
        return given().contentType("application/json")
                .body(voter.ballot(motion, choice))
                .post("/api/ballots").then().statusCode(201).extract().path("ballotId");
    }

    JsonPath closeVote(String motion) {
        return as(chairToken()).post("/api/motions/" + motion + "/close-vote").then().statusCode(200).extract().jsonPath();
    }

    static List<String> people(String community, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> memberId(community, n)).toList();
    }

    static String staffToken(String community) {
        return staff(community);
    }

    static String memberToken(String community, int n) {
        return Fixtures.member(community, memberId(community, n));
    }

    /** How the published minutes name a member: by their seat in the council's roster, never their login name. */
    String seatLabel(int member) {
        java.util.List<String> roster = as(Fixtures.staff(community)).get("/api/councils/" + council).path("seats.personId");
        java.util.List<String> groups = as(Fixtures.staff(community)).get("/api/councils/" + council).path("seats.groupCode");
        int seat = roster.indexOf(Fixtures.memberId(community, member));
        return "member " + (seat + 1) + (groups.get(seat) == null ? "" : ", group " + groups.get(seat));
    }
}
