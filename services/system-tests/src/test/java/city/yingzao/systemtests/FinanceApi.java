package city.yingzao.systemtests;

import io.restassured.response.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The finance service's API (services/finance/README.md) as the chain test uses it. */
final class FinanceApi extends ServiceApi {

    FinanceApi(SystemUnderTest sut) {
        super(sut, sut.financeUrl());
    }

    Response allocationRun(int year) {
        return as("city-operator").body(Map.of("fundYear", year)).post("/api/allocations/runs");
    }

    Response policy(int year) {
        return as("city-operator").get("/api/fund-policies/" + year);
    }

    Response publicFinance(String community) {
        return as(null).get("/api/public/communities/" + community + "/finance");
    }

    Response publicLedger(String community) {
        return as(null).get("/api/public/communities/" + community + "/ledger");
    }

    Response publicProjects(String community) {
        return as(null).get("/api/public/communities/" + community + "/projects");
    }

    Response verifyLedger(String user, String community) {
        return as(user).post("/api/ledger/verify?community=" + community);
    }

    Response propose(String staff, String community, int year, String title, String purpose, long budgetFen, long contributionFen) {
        return as(staff).body(Map.of("fundYear", year, "title", title, "category", "INFRASTRUCTURE_MAINTENANCE",
                "purpose", purpose, "budgetFen", budgetFen, "contributionFen", contributionFen, "urgency", "HIGH"))
                .post("/api/communities/" + community + "/projects");
    }

    Response openRound(String staff, String community, String title, List<String> projects) {
        return as(staff).body(Map.of("title", title, "projectIds", projects)).post("/api/communities/" + community + "/vote-rounds");
    }

    Response ballot(String resident, String community, String round, List<String> approvals) {
        return as(resident).body(Map.of("approvals", approvals)).post(round(community, round) + "/ballots");
    }

    Response paperBallot(String staff, String community, String round, String household, String sheet, List<String> approvals) {
        return as(staff).body(Map.of("householdCode", household, "sheet", sheet, "approvals", approvals))
                .post(round(community, round) + "/paper-ballots");
    }

    Response closeRound(String staff, String community, String round) {
        return as(staff).post(round(community, round) + "/close");
    }

    Response advance(String user, String project, int step, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("step", step);
        if (note != null) {
            body.put("note", note);
        }
        return as(user).body(body).post("/api/projects/" + project + "/steps");
    }

    Response hearing(String staff, String project, String summary, int attendees) {
        return as(staff).body(Map.of("summary", summary, "attendees", attendees)).post("/api/projects/" + project + "/hearing");
    }

    /** F8: to an organisation the registry announced ({@code payeeOrg}) or a supplier ({@code payeeName}). */
    Response pay(String staff, String project, long amountFen, String payeeOrg, String payeeName, String voucher, String memo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amountFen", amountFen);
        if (payeeOrg != null) {
            body.put("payeeOrg", payeeOrg);
        }
        if (payeeName != null) {
            body.put("payeeName", payeeName);
        }
        body.put("voucher", voucher);
        body.put("memo", memo);
        return as(staff).body(body).post("/api/projects/" + project + "/payments");
    }

    private static String round(String community, String round) {
        return "/api/communities/" + community + "/vote-rounds/" + round;
    }
}
