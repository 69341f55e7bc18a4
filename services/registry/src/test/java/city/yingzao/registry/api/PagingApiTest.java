package city.yingzao.registry.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static city.yingzao.registry.api.Registry.as;
import static city.yingzao.registry.api.Registry.cityOperator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PagingApiTest {

    @Test
    @DisplayName("P1 lists are paged and sorted on a whitelisted field, ties broken by code")
    void pagedAndSorted() {
        String district = Registry.district("MAIN_URBAN");
        String street = Registry.street(district);
        for (int i = 1; i <= 5; i++) {
            as(cityOperator()).body(Map.of("code", district + "-C" + i, "name", "社区" + (6 - i), "kind", i % 2 == 0 ? "RURAL" : "URBAN",
                    "streetCode", street, "registeredHouseholds", 100 * i, "stage", i)).post("/api/communities").then().statusCode(201);
        }
        as(cityOperator()).queryParam("district", district).queryParam("size", 2).queryParam("page", 1)
                .queryParam("sort", "registeredHouseholds,desc").get("/api/communities")
                .then().statusCode(200)
                .body("items.code", contains(district + "-C3", district + "-C2"))
                .body("page", equalTo(1)).body("size", equalTo(2))
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3));
        as(cityOperator()).queryParam("street", street).queryParam("kind", "RURAL").get("/api/communities")
                .then().body("items.code", contains(district + "-C2", district + "-C4"));
        as(cityOperator()).queryParam("district", district).queryParam("stage", 5).get("/api/communities")
                .then().body("items.code", contains(district + "-C5"));
        as(cityOperator()).queryParam("district", district).queryParam("q", "社区1").get("/api/communities")
                .then().body("items.code", contains(district + "-C5"));
        as(cityOperator()).queryParam("q", district + "-C").queryParam("sort", "name").get("/api/communities")
                .then().body("items", hasSize(5)).body("items[0].code", equalTo(district + "-C5"));
    }

    @Test
    @DisplayName("a page larger than 500 answers 400 naming the size")
    void sizeOver500() {
        as(cityOperator()).queryParam("size", 501).get("/api/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        as(cityOperator()).queryParam("size", 500).get("/api/districts").then().statusCode(200);
    }

    @Test
    @DisplayName("an unknown sort field, a malformed number or kind answers 400, never 404 or 500")
    void badParameters() {
        as(cityOperator()).queryParam("sort", "password,asc").get("/api/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        as(cityOperator()).queryParam("sort", "code,sideways").get("/api/districts").then().statusCode(400);
        as(cityOperator()).queryParam("page", "x").get("/api/streets").then().statusCode(400);
        as(cityOperator()).queryParam("page", -1).get("/api/streets").then().statusCode(400);
        as(cityOperator()).queryParam("kind", "SUBURBAN").get("/api/communities")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(cityOperator()).queryParam("q", "100%_\\").get("/api/communities").then().statusCode(200);
    }
}
