package city.yingzao.evaluation.api;

import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static city.yingzao.evaluation.api.Eval.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class FrameworkApiTest {

    @Test
    @DisplayName("E1 the provisional framework is there from the start, labelled provisional, 6 domains and 53 indicators, exportable as JSON and CSV")
    void provisional() {
        as(Eval.evaluator("eva-reader")).get("/api/frameworks").then().statusCode(200)
                .body("find { it.version == 'provisional-2016-v1' }.provisional", equalTo(true))
                .body("find { it.version == 'provisional-2016-v1' }.indicators", equalTo(53));
        String csv = as(Eval.operator()).get("/api/frameworks/provisional-2016-v1/export?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().count()).isEqualTo(54);
        assertThat(csv).contains("D2,居民参与与协商,Participation and deliberation,20,2.4,议事规则");
        as(Eval.operator()).get("/api/frameworks/provisional-2016-v1/export?format=json").then().statusCode(200)
                .body("domains", hasSize(6)).body("domains[0].indicators[0].anchorsEn", hasSize(5));
        as(Eval.operator()).get("/api/frameworks/nope/export?format=csv").then().statusCode(404);
    }

    @Test
    @DisplayName("E1 a new version imported as CSV (the export of another, relabelled) and as JSON; a CSV with bad rows is refused naming each row, nothing stored")
    void importBothWays() {
        String csv = as(Eval.operator()).get("/api/frameworks/provisional-2016-v1/export?format=csv").then().extract().asString();
        String v1 = Eval.unique("official-2016-v");
        given().auth().oauth2(Eval.operator()).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/frameworks/csv?version=" + v1 + "&title=成都市社区公益服务项目评估体系").then().statusCode(201)
                .body("version", equalTo(v1)).body("indicators", equalTo(53)).body("replaced", equalTo(false));
        as(Eval.operator()).get("/api/frameworks/" + v1).then().statusCode(200).body("provisional", equalTo(false))
                .body("domains[5].indicators[8].nameZh", equalTo("创新"));

        Map<String, Object> json = new HashMap<>(as(Eval.operator()).get("/api/frameworks/" + v1).then().extract().jsonPath().getMap(""));
        String v2 = Eval.unique("official-2016-j");
        json.put("version", v2);
        as(Eval.operator()).body(json).post("/api/frameworks").then().statusCode(201).body("version", equalTo(v2));
        // the same unused version again replaces it
        as(Eval.operator()).body(json).post("/api/frameworks").then().statusCode(201).body("replaced", equalTo(true));

        String bad = csv.replaceFirst("\r\nD1,([^\r]*?),15,1\\.2,", "\r\nD1,$1,15,1.1,")     // row 3 repeats id 1.1
                .replaceFirst(",20,2\\.1,", ",25,2.1,");                                    // row 11: D2 weight 25, rows 12-19 say 20
        String v3 = Eval.unique("broken-");
        given().auth().oauth2(Eval.operator()).contentType("text/csv; charset=UTF-8").body(bad).post("/api/frameworks/csv?version=" + v3).then()
                .statusCode(422).body("type", equalTo("urn:yingzao:problem:invalid-rows"))
                .body("errors.row", hasItem(3)).body("errors.row", hasItem(12))
                .body("errors.message", hasItem("domain D2 has weight 20 here but 25 at row 11"))
                .body("errors.message", hasItem(containsString("the indicator id 1.1 is used already at row 2")));
        assertThat(TestPostgres.count("select count(*) from framework where version = ?", v3)).isZero();

        Map<String, Object> noAnchors = new HashMap<>(json);
        noAnchors.put("version", v3);
        List<Map<String, Object>> domains = (List<Map<String, Object>>) json.get("domains");
        Map<String, Object> d1 = new HashMap<>(domains.get(0));
        List<Map<String, Object>> inds = new java.util.ArrayList<>((List<Map<String, Object>>) d1.get("indicators"));
        Map<String, Object> first = new HashMap<>(inds.get(0));
        first.put("anchorsZh", List.of("0", "1", "2", "3"));
        inds.set(0, first);
        d1.put("indicators", inds);
        d1.put("weight", 10);
        noAnchors.put("domains", List.of(d1, domains.get(1), domains.get(2), domains.get(3), domains.get(4), domains.get(5)));
        as(Eval.operator()).body(noAnchors).post("/api/frameworks").then().statusCode(422)
                .body("errors.field", hasItem("domains[0].indicators[0]")).body("errors.message", hasItem("the domain weights sum to 95, not 100"));
        as(Eval.evaluator("eva-x")).body(json).post("/api/frameworks").then().statusCode(403);
    }

    @Test
    @DisplayName("E4 E1 a version is immutable once an evaluation used it and the evaluation keeps being scored against it; the organisation sees it from the project's start, not before")
    void immutableOnceUsed() {
        String csv = as(Eval.operator()).get("/api/frameworks/provisional-2016-v1/export?format=csv").then().extract().asString();
        String v = Eval.unique("v-used-");
        given().auth().oauth2(Eval.operator()).contentType("text/csv; charset=UTF-8").body(csv).post("/api/frameworks/csv?version=" + v).then().statusCode(201);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String org = Eval.unique("ORG");
        String id = as(Eval.operator()).body(Map.of("projectId", Eval.unique("FP"), "organisationCode", org, "communityCode", Eval.unique("C"),
                        "title", "楼道照明（财务项目第八步）", "projectStartsOn", today.plusDays(10).toString(),
                        "windowOpensOn", today.plusDays(20).toString(), "windowClosesOn", today.plusDays(40).toString(), "frameworkVersion", v))
                .post("/api/evaluations").then().statusCode(201).body("kind", equalTo("ON_DEMAND")).body("frameworkVersion", equalTo(v))
                .extract().path("id");
        given().auth().oauth2(Eval.operator()).contentType("text/csv; charset=UTF-8").body(csv).post("/api/frameworks/csv?version=" + v).then()
                .statusCode(409).body("type", equalTo("urn:yingzao:problem:rule:E1"));
        as(Eval.operator()).get("/api/evaluations/" + id + "/framework").then().statusCode(200);
        as(Eval.agency(org)).get("/api/evaluations/" + id + "/framework").then().statusCode(403)
                .body("type", equalTo("urn:yingzao:problem:rule:E4")).body("detail", containsString(today.plusDays(10).toString()));
        as(Eval.agency(org)).get("/api/evaluations/" + id).then().statusCode(200).body("result", equalTo(null));
    }
}
