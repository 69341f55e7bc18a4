package city.yingzao.registry.api;

import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static city.yingzao.registry.api.Registry.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller → the status they get. "403 scope" is a caller with the
 * right role outside their district or community (problem type out-of-scope); a plain 403 is the
 * wrong role. Writes that succeed use fresh codes, so the table runs in any order, any number of times.
 */
@QuarkusTest
class RegistrySecurityMatrixTest {

    private static final String SUFFIX = unique("");
    static final String OWN_DISTRICT = "DO" + SUFFIX;
    static final String OTHER_DISTRICT = "DX" + SUFFIX;
    static final String OWN_STREET = "SO" + SUFFIX;
    static final String OWN_COMMUNITY = "CO" + SUFFIX;
    static final String OTHER_COMMUNITY = "CX" + SUFFIX;
    private static boolean territoryBuilt;

    enum Who {
        ANONYMOUS(() -> null),
        STRANGER_SIGNED(() -> TestTokens.signedByStranger("mallory", "city-operator")),
        EXPIRED(() -> TestTokens.user("late").roles("city-operator").expiredSince(Duration.ofMinutes(5)).sign()),
        CITY_OPERATOR(Registry::cityOperator),
        DISTRICT_OPERATOR_OWN(() -> Registry.districtOperator(OWN_DISTRICT)),
        DISTRICT_OPERATOR_OTHER(() -> Registry.districtOperator(OTHER_DISTRICT)),
        STAFF_OWN(() -> Registry.communityStaff(OWN_COMMUNITY)),
        STAFF_OTHER(() -> Registry.communityStaff(OTHER_COMMUNITY)),
        RESIDENT(() -> Registry.resident(OWN_COMMUNITY));

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }

        @Override
        public String toString() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** One endpoint; the body is made afresh for every call. */
    record Endpoint(String method, String path, Supplier<Object> body, String contentType) {
        @Override
        public String toString() {
            return method + " " + path.replace(OWN_DISTRICT, "{own-district}").replace(OWN_COMMUNITY, "{own-community}");
        }
    }

    /** The status a caller gets; "403 scope" means the out-of-scope problem, a plain "403" the wrong role. */
    record Expected(String value) {
        int status() {
            return Integer.parseInt(value.substring(0, 3));
        }

        @Override
        public String toString() {
            return value;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        //                                   anonymous stranger expired city   d-own  d-other      staff-own  staff-other  resident
        row(cases, post("/api/districts", () -> Map.of("code", unique("D"), "name", "新区", "tier", "FAR_SUBURB")),
                "401", "401", "401", "201", "403", "403", "403", "403", "403");
        row(cases, get("/api/districts"), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, get("/api/districts/" + OWN_DISTRICT), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, put("/api/districts/" + OWN_DISTRICT, () -> Map.of("name", "本区", "tier", "MAIN_URBAN")),
                "401", "401", "401", "200", "403", "403", "403", "403", "403");
        row(cases, post("/api/streets", () -> Map.of("code", unique("S"), "name", "新街道", "districtCode", OWN_DISTRICT)),
                "401", "401", "401", "201", "201", "403 scope", "403", "403", "403");
        row(cases, get("/api/streets"), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, post("/api/communities", () -> Registry.communityBody(unique("C"), OWN_STREET)),
                "401", "401", "401", "201", "201", "403 scope", "403", "403", "403");
        row(cases, get("/api/communities"), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, get("/api/communities/" + OWN_COMMUNITY), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, put("/api/communities/" + OWN_COMMUNITY, () -> Map.of("name", "本社区", "kind", "URBAN", "registeredHouseholds", 100, "stage", 2)),
                "401", "401", "401", "200", "200", "403 scope", "403", "403", "403");
        row(cases, get("/api/public/communities"), "200", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, csv("/api/communities/import", () -> "code,name,kind,street_code,registered_households,stage\n"
                        + unique("C") + ",导入社区,RURAL," + OWN_STREET + ",10,1\n"),
                "401", "401", "401", "200", "200", "403 scope", "403", "403", "403");
        row(cases, post("/api/communities/" + OWN_COMMUNITY + "/groups", () -> Map.of("code", unique("G"), "name", "小组")),
                "401", "401", "401", "201", "201", "403 scope", "201", "403 scope", "403");
        row(cases, get("/api/communities/" + OWN_COMMUNITY + "/groups"), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, post("/api/communities/" + OWN_COMMUNITY + "/courtyards", () -> Map.of("code", unique("Y"), "name", "院落")),
                "401", "401", "401", "201", "201", "403 scope", "201", "403 scope", "403");
        row(cases, get("/api/communities/" + OWN_COMMUNITY + "/courtyards"), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, post("/api/communities/" + OWN_COMMUNITY + "/households", () -> Map.of("code", unique("H"), "groupCode", "G01")),
                "401", "401", "401", "201", "201", "403 scope", "201", "403 scope", "403");
        row(cases, get("/api/communities/" + OWN_COMMUNITY + "/households"),
                "401", "401", "401", "200", "200", "403 scope", "200", "403 scope", "403");
        row(cases, put("/api/communities/" + OWN_COMMUNITY + "/households/H0001", () -> Map.of("groupCode", "G01", "active", true)),
                "401", "401", "401", "200", "200", "403 scope", "200", "403 scope", "403");
        row(cases, csv("/api/households/import", () -> "community_code,code,group_code,courtyard_code\n"
                        + OWN_COMMUNITY + "," + unique("H") + ",G01,\n"),
                "401", "401", "401", "200", "200", "403 scope", "200", "403 scope", "403");
        row(cases, post("/api/communities/" + OWN_COMMUNITY + "/organisations",
                        () -> Map.of("code", unique("O"), "name", "社工站", "type", "SOCIAL_ORGANISATION")),
                "401", "401", "401", "201", "201", "403 scope", "201", "403 scope", "403");
        row(cases, get("/api/communities/" + OWN_COMMUNITY + "/organisations"), "401", "401", "401", "200", "200", "200", "200", "200", "200");
        row(cases, get("/api/coverage?district=" + OWN_DISTRICT),
                "401", "401", "401", "200", "200", "403 scope", "403", "403", "403");
        row(cases, get("/api/coverage/districts"), "401", "401", "401", "200", "403", "403", "403", "403", "403");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    @DisplayName("who may call what:")
    void access(Endpoint endpoint, Who who, Expected expected) {
        buildTerritory();
        Response response = call(endpoint, who.token.get());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected.status());
        if (expected.value().equals("403 scope")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:out-of-scope");
        } else if (expected.value().equals("403")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:forbidden");
        }
    }

    @Test
    @DisplayName("a token whose signature was changed in the middle is refused with 401")
    void tamperedSignature() {
        buildTerritory();
        String token = Registry.cityOperator();
        given().auth().oauth2(token).get("/api/districts").then().statusCode(200);
        int dot = token.lastIndexOf('.');
        int middle = dot + 1 + (token.length() - dot - 1) / 2;
        char replacement = token.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, middle) + replacement + token.substring(middle + 1);
        assertThat(tampered).isNotEqualTo(token).hasSameSizeAs(token);
        given().auth().oauth2(tampered).get("/api/districts").then().statusCode(401);
    }

    private static Response call(Endpoint endpoint, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request = request.contentType(endpoint.contentType()).body(endpoint.body().get());
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    /** Two districts, a street and a community with group G01 in the own one, a community in the other. */
    private static synchronized void buildTerritory() {
        if (territoryBuilt) {
            return;
        }
        Registry.as(Registry.cityOperator()).body(Map.of("code", OWN_DISTRICT, "name", "本区", "tier", "MAIN_URBAN"))
                .post("/api/districts").then().statusCode(201);
        Registry.as(Registry.cityOperator()).body(Map.of("code", OTHER_DISTRICT, "name", "他区", "tier", "NEAR_SUBURB"))
                .post("/api/districts").then().statusCode(201);
        Registry.as(Registry.cityOperator()).body(Map.of("code", OWN_STREET, "name", "本街道", "districtCode", OWN_DISTRICT))
                .post("/api/streets").then().statusCode(201);
        String otherStreet = Registry.street(OTHER_DISTRICT);
        Registry.as(Registry.cityOperator()).body(Registry.communityBody(OWN_COMMUNITY, OWN_STREET))
                .post("/api/communities").then().statusCode(201);
        Registry.as(Registry.cityOperator()).body(Registry.communityBody(OTHER_COMMUNITY, otherStreet))
                .post("/api/communities").then().statusCode(201);
        Registry.group(OWN_COMMUNITY, "G01");
        Registry.as(Registry.cityOperator()).body(Map.of("code", "H0001", "groupCode", "G01"))
                .post("/api/communities/" + OWN_COMMUNITY + "/households").then().statusCode(201);
        territoryBuilt = true;
    }

    private static void row(List<Arguments> cases, Endpoint endpoint, String... expected) {
        Who[] callers = Who.values();
        for (int i = 0; i < callers.length; i++) {
            cases.add(Arguments.of(endpoint, callers[i], new Expected(expected[i])));
        }
    }

    private static Endpoint get(String path) {
        return new Endpoint("GET", path, null, null);
    }

    private static Endpoint post(String path, Supplier<Object> body) {
        return new Endpoint("POST", path, body, "application/json");
    }

    private static Endpoint put(String path, Supplier<Object> body) {
        return new Endpoint("PUT", path, body, "application/json");
    }

    private static Endpoint csv(String path, Supplier<Object> body) {
        return new Endpoint("POST", path, body, "text/csv");
    }
}
