package city.yingzao.deliberation.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static city.yingzao.deliberation.api.Fixtures.as;
import static city.yingzao.deliberation.api.Fixtures.community;
import static city.yingzao.deliberation.api.Fixtures.createCouncil;
import static city.yingzao.deliberation.api.Fixtures.election;
import static city.yingzao.deliberation.api.Fixtures.groupMembers;
import static city.yingzao.deliberation.api.Fixtures.memberId;
import static city.yingzao.deliberation.api.Fixtures.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("Councils")
class CouncilApiTest {

    @Test
    @DisplayName("D1 D2 D3 a 25-member community council chosen from five group councils is constituted")
    void constituteTwentyFive() {
        String community = community();
        String council = Fixtures.constitutedCommunityCouncil(community);
        as(staff(community)).get("/api/councils/" + council).then().statusCode(200)
                .body("constituted", equalTo(true)).body("membership", equalTo(25)).body("level", equalTo("COMMUNITY"));
    }

    @Test
    @DisplayName("D1 D2 D3 constitution is refused naming every broken rule: 20 members, G05 without seats, 11 cadres")
    void everyRuleNamed() {
        String community = community();
        List<String> people = new ArrayList<>();
        List<Boolean> cadres = new ArrayList<>();
        for (int g = 1; g <= 4; g++) {
            String group = createCouncil(community, "GROUP", "G0" + g);
            as(staff(community)).body(election(groupMembers(community, g), Collections.nCopies(5, false)))
                    .post("/api/councils/" + group + "/elections").then().statusCode(201);
            people.addAll(groupMembers(community, g));
        }
        for (int i = 0; i < people.size(); i++) {
            cadres.add(i < 11);
        }
        String council = createCouncil(community, "COMMUNITY", null);
        as(staff(community)).body(election(people, cadres)).post("/api/councils/" + council + "/elections").then().statusCode(201);

        as(staff(community)).post("/api/councils/" + council + "/constitute").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rules"))
                .body("rules", contains("D1", "D2", "D3"))
                .body("detail", containsString("D2: every resident group needs at least 2 seats: G05 has 0"));
        as(staff(community)).get("/api/councils/" + council).then().body("constituted", equalTo(false));
    }

    @Test
    @DisplayName("D1 a community council member must hold a seat on a group council of the community")
    void communityMembersComeFromGroupCouncils() {
        String community = community();
        String council = createCouncil(community, "COMMUNITY", null);
        as(staff(community)).body(election(List.of(memberId(community, 99)), List.of(false)))
                .post("/api/councils/" + council + "/elections").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D1"))
                .body("detail", containsString("holds no seat on a resident-group council"));
    }

    @Test
    @DisplayName("D1 D3 a seat change after constitution is re-checked: vacating the 21st seat is refused, the council unchanged")
    void seatChangesRechecked() {
        String community = community();
        String council = Fixtures.constitutedCommunityCouncil(community);
        // 25 seats: vacating four keeps 21, the fifth would leave 20
        for (int n = 1; n <= 4; n++) {
            String person = memberId(community, n * 5);
            as(staff(community)).body(Map.of("reason", "moved away")).post("/api/councils/" + council + "/seats/" + person + "/vacate")
                    .then().statusCode(200);
        }
        as(staff(community)).body(Map.of("reason", "moved away"))
                .post("/api/councils/" + council + "/seats/" + memberId(community, 24) + "/vacate")
                .then().statusCode(422).body("rules", contains("D1"));
        as(staff(community)).get("/api/councils/" + council).then().body("membership", equalTo(21));
    }

    @Test
    @DisplayName("P1 a council needs a community, group or courtyard known from the registry")
    void unknownUnits() {
        String community = community();
        as(staff(community)).body(Map.of("communityCode", community, "level", "GROUP", "unitCode", "G99", "name", "x"))
                .post("/api/councils").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:P1"));
        as(Fixtures.cityOperator()).body(Map.of("communityCode", "NOPE404", "level", "COMMUNITY", "name", "x"))
                .post("/api/councils").then().statusCode(422).body("detail", containsString("not known from the registry"));
        as(staff(community)).body(Map.of("communityCode", community, "level", "COURTYARD", "unitCode", "Y01", "name", "院落议事会"))
                .post("/api/councils").then().statusCode(201).body("level", equalTo("COURTYARD"));
    }

    @Test
    @DisplayName("a second council for the same unit is 409; staff of another community get 403 out-of-scope")
    void duplicatesAndScope() {
        String community = community();
        createCouncil(community, "GROUP", "G01");
        as(staff(community)).body(Map.of("communityCode", community, "level", "GROUP", "unitCode", "G01", "name", "x"))
                .post("/api/councils").then().statusCode(409);
        as(staff("OTHER")).body(Map.of("communityCode", community, "level", "GROUP", "unitCode", "G02", "name", "x"))
                .post("/api/councils").then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
    }
}
