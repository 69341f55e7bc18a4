package city.yingzao.systemtests;

import io.restassured.response.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deliberation service's API (services/deliberation/README.md) as the chain test uses it. */
final class DeliberationApi extends ServiceApi {

    DeliberationApi(SystemUnderTest sut) {
        super(sut, sut.deliberationUrl());
    }

    Response councils(String user, String community) {
        return as(user).get("/api/councils?community=" + community);
    }

    /** A council elected from {@code members} (the first two of every five are cadres) and constituted (D1-D3). */
    String constitutedCouncil(String staff, String community, String level, String unit, String name, List<String> members) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("communityCode", community, "level", level, "name", name));
        if (unit != null) {
            body.put("unitCode", unit);
        }
        String id = as(staff).body(body).post("/api/councils").then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            candidates.add(Map.of("personId", members.get(i), "cadre", i % 5 < 2, "votes", 100 - i));
        }
        as(staff).body(Map.of("heldOn", today.toString(), "seats", members.size(), "voters", 120,
                        "termStart", today.toString(), "termEnd", today.plusYears(3).toString(), "candidates", candidates))
                .post("/api/councils/" + id + "/elections").then().statusCode(201);
        as(staff).post("/api/councils/" + id + "/constitute").then().statusCode(200);
        return id;
    }

    Response propose(String resident, String council, String title, String text, String subjectType, String subjectRef) {
        return as(resident).body(Map.of("title", title, "body", text, "subjectType", subjectType, "subjectRef", subjectRef))
                .post("/api/councils/" + council + "/proposals");
    }

    Response sign(String resident, String proposal) {
        return as(resident).post("/api/proposals/" + proposal + "/signatures");
    }

    Response review(String user, String proposal, String decision) {
        return as(user).body(Map.of("decision", decision)).post("/api/proposals/" + proposal + "/review");
    }

    Response meeting(String staff, String council, String title, String chair, List<String> proposals) {
        return as(staff).body(Map.of("title", title, "scheduledAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "chairPersonId", chair, "proposalIds", proposals)).post("/api/councils/" + council + "/meetings");
    }

    Response attend(String member, String meeting) {
        return as(member).post("/api/meetings/" + meeting + "/attendance");
    }

    Response openItem(String chair, String meeting, String item) {
        return as(chair).post("/api/meetings/" + meeting + "/items/" + item + "/open");
    }

    Response move(String member, String meeting, String text) {
        return as(member).body(Map.of("text", text)).post("/api/meetings/" + meeting + "/motions");
    }

    Response askFloor(String member, String meeting, String side) {
        return as(member).body(Map.of("side", side)).post("/api/meetings/" + meeting + "/floor-requests");
    }

    Response floor(String chair, String meeting, String action) {
        return as(chair).post("/api/meetings/" + meeting + "/floor/" + action);
    }

    Response putToVote(String chair, String motion) {
        return as(chair).post("/api/motions/" + motion + "/vote");
    }

    Response credential(String member, String motion, String blindedMsg) {
        return as(member).body(Map.of("blindedMsg", blindedMsg)).post("/api/motions/" + motion + "/credentials");
    }

    Response closeIssuance(String chair, String motion) {
        return as(chair).post("/api/motions/" + motion + "/close-issuance");
    }

    /** A ballot is cast without a token: the blind signature is its only credential (D8). */
    Response cast(Map<String, ?> ballot) {
        return as(null).body(ballot).post("/api/ballots");
    }

    Response closeVote(String chair, String motion) {
        return as(chair).post("/api/motions/" + motion + "/close-vote");
    }

    Response ballotBox(String member, String motion) {
        return as(member).get("/api/motions/" + motion + "/ballot-box");
    }

    Response publicityDays(int days, String reason) {
        return as("city-operator").body(Map.of("value", String.valueOf(days), "reason", reason)).put("/api/settings/publicity.days");
    }

    Response adoptDue() {
        return as("city-operator").post("/api/publicity/adopt-due");
    }

    Response publicResolutions(String community) {
        return as(null).get("/api/public/resolutions?community=" + community);
    }
}
