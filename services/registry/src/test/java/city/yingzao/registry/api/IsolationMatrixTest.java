package city.yingzao.registry.api;

import city.yingzao.testing.IsolationProbe;
import city.yingzao.testing.IsolationProbe.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation, generated from the OpenAPI document: every operation called with tenant A's
 * resources (community A1 of district D1) by every scoped role of tenant B (community A2 of
 * district D2) is a 403/404 problem and changes no table, and A's own callers reach it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Registry: another community's or district's caller changes nothing of A's territory and reads none of its households")
class IsolationMatrixTest {

    @TestHTTPResource("/")
    URI root;

    Tenant a;
    Tenant b;
    String street;

    /** District D1 with street S1 and community A1 (group G01, courtyard Y01, household H0001, an organisation); A2 in D2. */
    @BeforeEach
    void tenantA() {
        if (a != null) {
            return;
        }
        String d1 = Registry.district("MAIN_URBAN");
        street = Registry.street(d1);
        String a1 = Registry.community(street);
        Registry.group(a1, "G01");
        Registry.courtyard(a1, "Y01", "G01");
        Registry.as(Registry.cityOperator()).body(Map.of("code", "H0001", "groupCode", "G01"))
                .post("/api/communities/" + a1 + "/households").then().statusCode(201);
        String o1 = Registry.unique("O");
        Registry.as(Registry.cityOperator()).body(Map.of("code", o1, "name", "社工站", "type", "SOCIAL_ORGANISATION"))
                .post("/api/communities/" + a1 + "/organisations").then().statusCode(201);
        String d2 = Registry.district("NEAR_SUBURB");
        String a2 = Registry.community(Registry.street(d2));
        a = Tenant.of(a1, d1, o1, "H0001");
        b = Tenant.of(a2, d2, Registry.unique("O"), "H0001");
    }

    @Test
    @DisplayName("every operation × every scoped role of the other tenant → 403/404, nothing changed; A's callers get through")
    void everyOperation() {
        String community = a.community();
        String territory = "the territory (districts, streets, communities, their groups, courtyards and organisations)"
                + " is reference data every signed-in person and service reads; only writes are scoped";
        IsolationProbe.Result result = IsolationProbe.against(root).tenants(a, b)
                .value("communityCode", community).value("code", community).value("district", a.district())
                .target("PUT /api/districts/{code}", "/api/districts/" + a.district())
                .target("GET /api/districts/{code}", "/api/districts/" + a.district())
                .target("GET /api/streets/{code}", "/api/streets/" + street)
                .target("GET /api/communities/{communityCode}/groups/{code}", "/api/communities/" + community + "/groups/G01")
                .target("GET /api/communities/{communityCode}/courtyards/{code}", "/api/communities/" + community + "/courtyards/Y01")
                .target("GET /api/communities/{communityCode}/organisations/{code}",
                        "/api/communities/" + community + "/organisations/" + a.org())
                .target("GET /api/communities/{communityCode}/households/{code}", "/api/communities/" + community + "/households/H0001")
                .target("PUT /api/communities/{communityCode}/households/{code}", "/api/communities/" + community + "/households/H0001")
                .body("POST /api/streets", Map.of("code", Registry.unique("S"), "name", "新街道", "districtCode", a.district()))
                .body("POST /api/communities", Registry.communityBody(Registry.unique("C"), street))
                .body("PUT /api/communities/{code}", Map.of("name", "本社区", "kind", "URBAN", "registeredHouseholds", 100, "stage", 2))
                .body("POST /api/communities/import", "text/csv", "code,name,kind,street_code,registered_households,stage\n"
                        + Registry.unique("C") + ",导入社区,RURAL," + street + ",10,1\n")
                .body("POST /api/communities/{communityCode}/groups", Map.of("code", Registry.unique("G"), "name", "小组"))
                .body("POST /api/communities/{communityCode}/courtyards", Map.of("code", Registry.unique("Y"), "name", "院落"))
                .body("POST /api/communities/{communityCode}/households", Map.of("code", Registry.unique("H"), "groupCode", "G01"))
                .body("PUT /api/communities/{communityCode}/households/{code}", Map.of("groupCode", "G01", "active", true))
                .body("POST /api/households/import", "text/csv", "community_code,code,group_code,courtyard_code\n"
                        + community + "," + Registry.unique("H") + ",G01,\n")
                .body("POST /api/communities/{communityCode}/organisations",
                        Map.of("code", Registry.unique("O"), "name", "社工站", "type", "SOCIAL_ORGANISATION"))
                .kernelOperations()
                .publicRead("GET /api/public/communities", "the public list of communities: names and codes, nothing more")
                .cityWide("GET /api/districts", territory)
                .cityWide("GET /api/districts/{code}", territory)
                .cityWide("GET /api/streets", territory)
                .cityWide("GET /api/streets/{code}", territory)
                .cityWide("GET /api/communities", territory)
                .cityWide("GET /api/communities/{code}", territory)
                .cityWide("GET /api/communities/{communityCode}/groups", territory)
                .cityWide("GET /api/communities/{communityCode}/groups/{code}", territory)
                .cityWide("GET /api/communities/{communityCode}/courtyards", territory)
                .cityWide("GET /api/communities/{communityCode}/courtyards/{code}", territory)
                .cityWide("GET /api/communities/{communityCode}/organisations", territory)
                .cityWide("GET /api/communities/{communityCode}/organisations/{code}", territory)
                .run().assertIsolated();
        System.out.println("[registry] isolation: " + result.summary());

        assertThat(result.operations()).isGreaterThan(20);
        assertThat(result.outcomes()).containsKeys("B 403 out-of-scope");
    }
}
