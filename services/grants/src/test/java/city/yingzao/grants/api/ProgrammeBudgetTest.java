package city.yingzao.grants.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static city.yingzao.grants.api.Grants.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** G1: the city funds demonstration projects through calls of a yearly programme run by a hub organisation. */
@QuarkusTest
@DisplayName("G1 programmes and their calls")
class ProgrammeBudgetTest {

    static final int YEAR = 2045;
    static final long PROGRAMME_BUDGET = 20_000_000_00L; // the article's 20M CNY a year, in fen

    @Test
    @DisplayName("G1 the calls of a programme cannot together take more than the programme's budget")
    void callsStayWithinTheProgrammeBudget() {
        String op = Grants.cityOperator();
        as(op).body(Map.of("year", YEAR, "title", "2045 公益创投", "budgetFen", PROGRAMME_BUDGET, "operatorOrg", "HUB"))
                .post("/api/programmes").then().statusCode(201);
        as(op).body(GrantsFlowTest.call("510104", "510105", 15_000_000_00L)).post("/api/programmes/" + YEAR + "/calls")
                .then().statusCode(201);

        as(op).body(GrantsFlowTest.call("510104", "510105", 5_000_000_01L)).post("/api/programmes/" + YEAR + "/calls")
                .then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:G1"))
                .body("detail", containsString("would take 2000000001 fen of its 2000000000"));
    }

    @Test
    @DisplayName("G1 a call that closes before it opens is refused")
    void callClosesAfterItOpens() {
        String op = Grants.cityOperator();
        as(op).body(Map.of("year", YEAR + 1, "title", "2046 公益创投", "budgetFen", PROGRAMME_BUDGET, "operatorOrg", "HUB"))
                .post("/api/programmes").then().statusCode(201);
        Map<String, Object> backwards = new HashMap<>(GrantsFlowTest.call("510104", "510105", 1_000_000_00L));
        backwards.put("opensOn", LocalDate.now().plusDays(5).toString());
        backwards.put("closesOn", LocalDate.now().plusDays(1).toString());

        as(op).body(backwards).post("/api/programmes/" + (YEAR + 1) + "/calls")
                .then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:G1"))
                .body("detail", containsString("before it opens"));
    }
}
