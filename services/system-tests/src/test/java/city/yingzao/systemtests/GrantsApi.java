package city.yingzao.systemtests;

import io.restassured.response.Response;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The grants service's API (services/grants/README.md) as the chain test uses it. */
final class GrantsApi extends ServiceApi {

    static final String OPERATOR = "city-operator";
    static final List<Map<String, Object>> RUBRIC = List.of(
            Map.of("code", "need", "name", "需求", "weight", 30), Map.of("code", "design", "name", "设计", "weight", 30),
            Map.of("code", "team", "name", "团队", "weight", 20), Map.of("code", "fit", "name", "社区契合", "weight", 20));

    GrantsApi(SystemUnderTest sut) {
        super(sut, sut.serviceUrl("grants"));
    }

    /** The year's programme: made here, or there already (the demo city's, or an earlier test's). */
    void programme(int year) {
        int status = as(OPERATOR).body(Map.of("year", year, "title", year + " 成都市社区营造公益创投", "budgetFen", 2_000_000_000L,
                "operatorOrg", "CD-HUB-01")).post("/api/programmes").statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("programme " + year + " answered " + status);
        }
    }

    Response joinPool(String user, String pool, String displayName) {
        return as(user).body(Map.of("displayName", displayName)).post("/api/pools/" + pool + "/me");
    }

    Response addToPool(String pool, String person, String displayName, String organisation) {
        return as(OPERATOR).body(Map.of("personId", person, "displayName", displayName, "organisations", List.of(organisation)))
                .post("/api/pools/" + pool);
    }

    /** G1: a call for communities, open since a month, one review per application, several per organisation allowed. */
    Response openCall(int year, String title, long budgetFen) {
        LocalDate today = LocalDate.now();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", title);
        body.put("targetKind", "COMMUNITY");
        body.put("districtsInScope", List.of());
        body.put("pivotCategories", List.of());
        body.put("organisationTypes", List.of("SOCIAL_ORGANISATION", "SOCIAL_ENTERPRISE", "FOUNDATION"));
        body.put("minRegistrationMonths", 12);
        body.put("maxAmountFen", 30_000_000L);
        body.put("allowMultiplePerOrganisation", true);
        body.put("opensOn", today.minusDays(30).toString());
        body.put("closesOn", today.plusDays(30).toString());
        body.put("budgetFen", budgetFen);
        body.put("rubric", RUBRIC);
        body.put("scaleMax", 10);
        body.put("reviewsPerApplication", 1);
        body.put("disagreementThreshold", 20);
        return as(OPERATOR).body(body).post("/api/programmes/" + year + "/calls");
    }

    /** G2: a draft for a community, with a budget that adds up to the request. */
    Response draft(String agency, String call, String community, String title, long fen) {
        return as(agency).body(Map.of("targetCode", community, "pivotCategory", "PUBLIC_SPACE", "title", title, "requestedFen", fen,
                        "budget", List.of(Map.of("item", "人员与督导", "amountFen", fen * 6 / 10),
                                Map.of("item", "物料与活动", "amountFen", fen - fen * 6 / 10)),
                        "team", List.of(Map.of("name", "项目负责人", "role", "PROJECT_LEAD"), Map.of("name", "社工", "role", "SOCIAL_WORKER")),
                        "projectLogic", "发现积极行动者，组建院落自组织，共建邻里花园并形成长效议事机制"))
                .post("/api/calls/" + call + "/applications");
    }

    Response submit(String agency, String application) {
        return as(agency).post("/api/applications/" + application + "/submit");
    }

    Response toReview(String call) {
        return as(OPERATOR).post("/api/calls/" + call + "/review");
    }

    Response conflicts(String call) {
        return as(OPERATOR).get("/api/calls/" + call + "/conflicts");
    }

    Response assign(String application, String person, String reason) {
        return as(OPERATOR).body(Map.of("personId", person, "reason", reason)).post("/api/applications/" + application + "/assignments");
    }

    Response autoAssign(String call) {
        return as(OPERATOR).post("/api/calls/" + call + "/assignments/auto");
    }

    Response myAssignments(String reviewer) {
        return as(reviewer).get("/api/reviewers/me/assignments");
    }

    Response application(String user, String application) {
        return as(user).get("/api/applications/" + application);
    }

    Response review(String reviewer, String application, Map<String, Integer> scores) {
        return as(reviewer).body(Map.of("scores", scores, "comments", Map.of("need", "院落需求清楚")))
                .put("/api/applications/" + application + "/reviews/mine");
    }

    Response ranking(String call) {
        return as(OPERATOR).get("/api/calls/" + call + "/ranking");
    }

    Response award(String call, List<String> applications) {
        return as(OPERATOR).body(Map.of("awarded", applications, "reasons", Map.of())).post("/api/calls/" + call + "/awards");
    }

    Response projects(String organisation) {
        return as(OPERATOR).get("/api/projects?organisation=" + organisation);
    }

    Response project(String user, String project) {
        return as(user).get("/api/projects/" + project);
    }

    Response agreement(String project, LocalDate startsOn, LocalDate endsOn) {
        return as(OPERATOR).body(Map.of("startsOn", startsOn.toString(), "endsOn", endsOn.toString()))
                .post("/api/projects/" + project + "/agreement");
    }

    Response seat(String project, String role, String person) {
        return as(OPERATOR).body(Map.of("personId", person)).put("/api/projects/" + project + "/team/" + role);
    }

    Response log(String supervisor, String project, String type, String summary) {
        return as(supervisor).body(Map.of("type", type, "happenedOn", LocalDate.now().toString(), "summary", summary))
                .post("/api/projects/" + project + "/supervision-logs");
    }

    Response logs(String user, String project) {
        return as(user).get("/api/projects/" + project + "/supervision-logs");
    }

    Response publicAwards(String community) {
        return as(null).get("/api/public/awards?community=" + community);
    }

    Response publicProgrammeLedger(int year) {
        return as(null).get("/api/public/programmes/" + year + "/ledger");
    }
}
