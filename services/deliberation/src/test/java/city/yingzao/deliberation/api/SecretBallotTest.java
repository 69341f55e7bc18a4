package city.yingzao.deliberation.api;

import city.yingzao.deliberation.domain.BallotKey;
import city.yingzao.deliberation.domain.BallotKeySeal;
import city.yingzao.testing.BlindBallotVoter;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The secret ballot (D8) in two phases, its sealed key, its limits and its public tally; the chair (D13) and sign-in (D6). */
@QuarkusTest
@DisplayName("D8 secret ballot in two phases")
class SecretBallotTest {

    private static MeetingFlow votingOn(String title) {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal(title, "GENERAL", null)).signIn(1, 20).openItem(0);
        return flow;
    }

    private static io.restassured.response.Response cast(String motion, BlindBallotVoter voter, String choice) {
        return given().contentType("application/json").body(voter.ballot(motion, choice)).post("/api/ballots");
    }

    @Test
    @DisplayName("D8 nothing is cast while credentials are issued; no credential is issued once the chair has closed issuance")
    void twoPhases() {
        MeetingFlow flow = votingOn("楼顶花园");
        String motion = flow.move(1, "建设楼顶花园");
        JsonPath box = flow.putToVote(motion);
        assertThat(box.getString("status")).isEqualTo("ISSUING");
        BlindBallotVoter early = flow.credential(motion, box, 1);
        cast(motion, early, "YES").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D8")).body("detail", containsString("closes the issuance"));
        as(flow.chairToken()).post("/api/motions/" + motion + "/close-vote").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D8"));
        as(flow.member(2)).post("/api/motions/" + motion + "/close-issuance").then().statusCode(403);

        JsonPath casting = flow.closeIssuance(motion);
        assertThat(casting.getString("status")).isEqualTo("CASTING");
        assertThat(casting.getInt("issued")).isEqualTo(1);
        as(flow.chairToken()).post("/api/motions/" + motion + "/close-issuance").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D8"));
        BlindBallotVoter late = BlindBallotVoter.forBox(box.getString("publicKeySpki"));
        as(flow.member(2)).body(Map.of("blindedMsg", late.blindedMsg())).post("/api/motions/" + motion + "/credentials")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D8"));
        MeetingFlow.cast(motion, early, "YES");
    }

    @Test
    @DisplayName("D8 issuance may close before every present member took a credential; the tally shows credentials taken but never cast")
    void partialIssuance() {
        MeetingFlow flow = votingOn("电梯加装");
        String motion = flow.move(1, "加装电梯");
        JsonPath box = flow.putToVote(motion);
        var voters = flow.credentials(motion, box, 1, 18);           // members 19 and 20 are present but take none
        as(flow.chairToken()).get("/api/motions/" + motion + "/ballot-box").then().statusCode(200)
                .body("issued", equalTo(18));
        flow.closeIssuance(motion);
        voters.forEach((n, voter) -> {
            if (n <= 17) {                                          // member 18 takes a credential and never casts
                MeetingFlow.cast(motion, voter, n <= 14 ? "YES" : "NO");
            }
        });
        flow.closeVote(motion);
        as(staff(flow.community)).get("/api/motions/" + motion + "/ballot-box").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("issued", equalTo(18)).body("cast", equalTo(17))
                .body("uncast", equalTo(1)).body("yes", equalTo(14)).body("no", equalTo(3))
                .body("withoutCredential", equalTo(MeetingFlow.people(flow.community, 19, 25).stream().sorted().toList()));
        as(staff(flow.community)).get("/api/motions/" + motion).then().body("status", equalTo("PASSED"));
    }

    @Test
    @DisplayName("D8 never more ballots than credentials: a replayed credential is refused, and so is a validly signed ballot beyond those issued")
    void noMoreBallotsThanCredentials() {
        MeetingFlow flow = votingOn("小区监控");
        String motion = flow.move(1, "安装监控");
        JsonPath box = flow.putToVote(motion);
        // an insider who read the sealed key and the service's key while issuing can sign tokens nobody was issued
        BallotKey stolen = stolenKey(motion, box);
        var voters = flow.credentials(motion, box, 1, 3);
        flow.closeIssuance(motion);
        voters.forEach((n, voter) -> MeetingFlow.cast(motion, voter, "YES"));
        cast(motion, voters.get(1), "NO").then().statusCode(409);
        BlindBallotVoter forged = BlindBallotVoter.forBox(box.getString("publicKeySpki"));
        forged.finalizeBlindSig(stolen.blindSign(Base64.getUrlDecoder().decode(forged.blindedMsg())));
        cast(motion, forged, "NO").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D8"))
                .body("detail", containsString("one credential, one ballot"));
        flow.closeVote(motion);
        as(staff(flow.community)).get("/api/motions/" + motion + "/ballot-box").then()
                .body("yes", equalTo(3)).body("no", equalTo(0)).body("issued", equalTo(3));
    }

    @Test
    @DisplayName("D8 while credentials are issued the database holds no private key material: no plain exponent, no PKCS#8, PEM or DER")
    void privateKeySealed() throws Exception {
        MeetingFlow flow = votingOn("共享单车停放");
        String motion = flow.move(1, "划定停放区");
        JsonPath box = flow.putToVote(motion);
        flow.credential(motion, box, 1);                              // the key is in use: issuance works
        BigInteger d = stolenKey(motion, box).privateExponent().orElseThrow();
        byte[] dBytes = d.toByteArray();
        List<String> needles = List.of(d.toString(), d.toString(16), HexFormat.of().formatHex(dBytes),
                Base64.getEncoder().encodeToString(dBytes), "BEGIN", "PRIVATE KEY",
                "2a864886f70d010101",                                  // DER OID rsaEncryption
                "020100300d06092a864886f70d0101010500");              // PKCS#8 version + algorithm identifier
        List<String> dump = new ArrayList<>();
        try (Connection c = TestPostgres.connect();
             PreparedStatement s = c.prepareStatement("select t::text, encode(t.private_key_sealed, 'hex'), "
                     + "encode(t.private_key_sealed, 'base64') from ballot_box t");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= 3; i++) {
                    dump.add(String.valueOf(rs.getString(i)).replace("\n", ""));
                }
            }
        }
        BigInteger n = BlindBallotVoter.publicKey(box.getString("publicKeySpki")).getModulus();
        BigInteger e = BlindBallotVoter.publicKey(box.getString("publicKeySpki")).getPublicExponent();
        assertThat(String.join("|", dump)).contains(n.toString());
        for (String needle : needles) {
            assertThat(dump).as("ballot_box dump").noneMatch(row -> row.toLowerCase().contains(needle.toLowerCase()));
        }
        // and no value in the row is a working private exponent of the box
        BigInteger m = BigInteger.valueOf(7);
        for (BigInteger candidate : candidates(motion)) {
            assertThat(m.modPow(e, n).modPow(candidate, n)).as("a column opens the box").isNotEqualTo(m);
        }
        flow.closeIssuance(motion);
        assertThat(TestPostgres.queryValue("select private_key_sealed from ballot_box where motion_id = ?", UUID.fromString(motion))).isNull();
    }

    @Test
    @DisplayName("D8 after the close anyone can recount: the public list of ballots (receipt, choice) adds up to the tally, and each voter finds their choice")
    void verifiableTally() {
        MeetingFlow flow = votingOn("社区食堂");
        String motion = flow.move(1, "开办社区食堂");
        JsonPath box = flow.putToVote(motion);
        given().get("/api/public/motions/" + motion + "/ballots").then().statusCode(404);
        var voters = flow.credentials(motion, box, 1, 20);
        flow.closeIssuance(motion);
        Map<String, String> mine = new java.util.HashMap<>();
        voters.forEach((n, voter) -> {
            String choice = n <= 16 ? "YES" : n <= 19 ? "NO" : "ABSTAIN";
            mine.put(BlindBallotVoter.receiptOf(MeetingFlow.cast(motion, voter, choice)), choice);
        });
        flow.closeVote(motion);
        JsonPath tally = given().get("/api/public/motions/" + motion + "/ballots").then().statusCode(200)
                .body("yes", equalTo(16)).body("no", equalTo(3)).body("abstain", equalTo(1)).body("issued", equalTo(20))
                .body("cast", equalTo(20)).body("uncast", equalTo(0)).body("result", equalTo("PASSED")).extract().jsonPath();
        List<Map<String, String>> ballots = tally.getList("ballots");
        assertThat(ballots).hasSize(20);
        assertThat(ballots.stream().filter(b -> b.get("choice").equals("YES")).count()).isEqualTo(16);
        assertThat(ballots.stream().filter(b -> b.get("choice").equals("NO")).count()).isEqualTo(3);
        mine.forEach((receipt, choice) -> assertThat(ballots).contains(Map.of("receipt", receipt, "choice", choice)));
        assertThat(tally.prettify()).doesNotContain(memberId(flow.community, 1));
    }

    @Test
    @DisplayName("D8 the box publishes its RFC 9474 variant and SPKI key; a box of the retired textbook-RSA protocol takes no credential or ballot but closes")
    void protocolOfTheBox() throws Exception {
        MeetingFlow flow = votingOn("非机动车棚");
        String motion = flow.move(1, "建设非机动车棚");
        JsonPath box = flow.putToVote(motion);
        assertThat(box.getString("variant")).isEqualTo("RSABSSA-SHA384-PSS-Randomized");
        assertThat(box.getMap("$")).doesNotContainKeys("modulus", "publicExponent");
        var publicKey = BlindBallotVoter.publicKey(box.getString("publicKeySpki"));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(publicKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        BlindBallotVoter voter = flow.credential(motion, box, 1);
        // a box opened before V5, as the migration marks it
        try (Connection c = TestPostgres.connect();
             PreparedStatement s = c.prepareStatement("update ballot_box set variant = 'CHAUM-SHA256' where motion_id = ?")) {
            s.setObject(1, UUID.fromString(motion));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        as(flow.member(2)).body(Map.of("blindedMsg", BlindBallotVoter.forBox(box.getString("publicKeySpki")).blindedMsg()))
                .post("/api/motions/" + motion + "/credentials").then().statusCode(409).body("detail", containsString("CHAUM-SHA256"));
        assertThat(flow.closeIssuance(motion).getString("variant")).isEqualTo("CHAUM-SHA256");
        cast(motion, voter, "YES").then().statusCode(409).body("detail", containsString("retired"));
        flow.closeVote(motion);
    }

    @Test
    @DisplayName("D13 chair actions are the designated chair's: staff and the city operator may not take them unless designated")
    void designatedChairOnly() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("口袋公园", "GENERAL", null)).signIn(1, 20);
        String open = "/api/meetings/" + flow.meeting + "/items/" + flow.items.get(0) + "/open";
        as(staff(flow.community)).post(open).then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        as(Fixtures.cityOperator()).post(open).then().statusCode(403);
        flow.openItem(0);

        // a staff member designated as chair chairs
        String proposal = flow.approvedProposal("老旧小区改造", "GENERAL", null);
        String meeting = as(staff(flow.community)).body(Map.of("title", "专题会", "scheduledAt", java.time.Instant.now().toString(),
                        "chairPersonId", "community-staff", "proposalIds", List.of(proposal)))
                .post("/api/councils/" + flow.council + "/meetings").then().statusCode(201).extract().path("id");
        String item = as(staff(flow.community)).get("/api/meetings/" + meeting).path("items[0].id");
        java.util.stream.IntStream.rangeClosed(1, 20).forEach(n ->
                as(flow.member(n)).post("/api/meetings/" + meeting + "/attendance").then().statusCode(200));
        as(staff(flow.community)).post("/api/meetings/" + meeting + "/items/" + item + "/open").then().statusCode(200);
    }

    @Test
    @DisplayName("D6 a member signed in by staff is recorded as signed in by them, and the minutes say who signed whom in")
    void staffSignInRecorded() {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("垃圾房搬迁", "GENERAL", null)).signIn(1, 2);
        as(staff(flow.community)).body(Map.of("personId", memberId(flow.community, 3))).post("/api/meetings/" + flow.meeting + "/attendance")
                .then().statusCode(200);
        JsonPath meeting = as(staff(flow.community)).get("/api/meetings/" + flow.meeting).then().extract().jsonPath();
        assertThat(meeting.getString("attendance.find { it.personId == '" + memberId(flow.community, 3) + "' }.signedInBy"))
                .isEqualTo("community-staff");
        assertThat(meeting.getString("attendance.find { it.personId == '" + memberId(flow.community, 1) + "' }.signedInBy"))
                .isEqualTo(memberId(flow.community, 1));
        String minutes = as(staff(flow.community)).get("/api/meetings/" + flow.meeting + "/minutes").path("text");
        assertThat(minutes).contains(flow.seatLabel(3) + " signed in by staff")
                .doesNotContain(flow.seatLabel(1) + " signed in by").doesNotContain(memberId(flow.community, 3));
    }

    /** The box's key as an insider holding the service's key and a database dump would rebuild it. */
    private static BallotKey stolenKey(String motion, JsonPath box) {
        byte[] sealed = (byte[]) TestPostgres.queryValue("select private_key_sealed from ballot_box where motion_id = ?", UUID.fromString(motion));
        String serviceKey = ConfigProvider.getConfig().getValue("yingzao.deliberation.ballot-key-encryption-key", String.class);
        BigInteger d = BallotKeySeal.fromBase64(serviceKey, new SecureRandom()).open(UUID.fromString(motion), sealed);
        var publicKey = BlindBallotVoter.publicKey(box.getString("publicKeySpki"));
        return new BallotKey(publicKey.getModulus(), publicKey.getPublicExponent(), java.util.Optional.of(d));
    }

    /** Every column of the box read as a number: text as decimal, bytes as big-endian, also past any header of up to 16 bytes. */
    private static List<BigInteger> candidates(String motion) throws Exception {
        List<BigInteger> out = new ArrayList<>();
        try (Connection c = TestPostgres.connect();
             PreparedStatement s = c.prepareStatement("select * from ballot_box where motion_id = ?")) {
            s.setObject(1, UUID.fromString(motion));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof byte[] bytes) {
                            for (int skip = 0; skip <= 16 && skip < bytes.length; skip++) {
                                out.add(new BigInteger(1, java.util.Arrays.copyOfRange(bytes, skip, bytes.length)));
                            }
                        } else if (v != null && v.toString().matches("[0-9]{2,}")) {
                            out.add(new BigInteger(v.toString()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
