package city.yingzao.finance.api;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.finance.AllocationMadeV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static city.yingzao.finance.api.Finance.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The allocation run (F1-F4) over communities that arrived as registry snapshots on Kafka: amounts
 * per kind and tier, a dedicated account credited for each with a balanced entry, idempotent reruns,
 * a later community allocated by the rerun, the events on the contract; and the audited fund policy.
 */
@QuarkusTest
class AllocationApiTest {

    @Test
    @DisplayName("F2 passing: an allocation run credits generated communities per kind and tier, once, and a rerun allocates only the newcomers")
    void runOverGeneratedCommunities() {
        int year = 2031;
        String prefix = Finance.unique("G");
        String[] tiers = {"MAIN_URBAN", "NEAR_SUBURB", "FAR_SUBURB"};
        List<CommunitySnapshotV1> generated = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String tier = tiers[i % 3];
            boolean rural = i % 5 == 0;
            generated.add(new CommunitySnapshotV1(prefix + String.format("%03d", i), "生成社区 " + i, rural ? "RURAL" : "URBAN",
                    "D" + (i % 3), tier, "S1", 1000 + i * 37, 2, List.of(), List.of(), 1, Instant.now()));
        }
        Finance.communities(generated);

        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200)
                .body("allocatedNow", greaterThanOrEqualTo(30)).body("policyRevision", equalTo(1));

        // urban NEAR_SUBURB, 1,037 households: 1,037 × 400,000 / 100 = 4,148,000 fen, city 50%
        assertAllocation(prefix + "001", year, 4_148_000, 2_074_000, 2_074_000);
        // urban FAR_SUBURB, 1,074 households: 4,296,000 fen, city 70% = 3,007,200
        assertAllocation(prefix + "002", year, 4_296_000, 3_007_200, 1_288_800);
        // rural MAIN_URBAN: the floor, all district
        assertAllocation(prefix + "000", year, 40_000_000, 0, 40_000_000);
        // rural FAR_SUBURB (i = 5): the floor, city 70%
        assertAllocation(prefix + "005", year, 40_000_000, 28_000_000, 12_000_000);
        long balances = TestPostgres.count("select sum(balance_fen) from account where community_code like ? and fund_year = ?",
                prefix + "%", year);
        long allocated = TestPostgres.count("select sum(total_fen) from allocation where community_code like ? and fund_year = ?",
                prefix + "%", year);
        assertThat(balances).isEqualTo(allocated);

        // a rerun changes nothing
        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200)
                .body("allocatedNow", equalTo(0));
        assertThat(TestPostgres.count("select count(*) from allocation where community_code like ? and fund_year = ?",
                prefix + "%", year)).isEqualTo(30);
        assertThat(TestPostgres.count("select count(*) from ledger_entry where community_code like ? and fund_year = ?",
                prefix + "%", year)).isEqualTo(30);

        // a community registered later is allocated by the rerun; one whose households change keeps its allocation
        String late = prefix + "LATE";
        Finance.community(late, "URBAN", "D1", "NEAR_SUBURB", 2350);
        Finance.communityRevision(prefix + "001", "URBAN", "D1", "NEAR_SUBURB", 9999, 2);
        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200)
                .body("allocatedNow", equalTo(1)).body("totalFenNow", equalTo(9_400_000));
        assertAllocation(late, year, 9_400_000, 4_700_000, 4_700_000);
        assertAllocation(prefix + "001", year, 4_148_000, 2_074_000, 2_074_000);

        // both facts published per community, as the contract says
        List<ConsumerRecord<String, String>> allocations = TestKafka.readUntil(Topics.FINANCE_ALLOCATIONS, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> r.key().startsWith(prefix)).count() >= 31);
        List<ConsumerRecord<String, String>> mine = allocations.stream().filter(r -> r.key().startsWith(prefix)).toList();
        assertThat(mine).hasSize(31).allSatisfy(r -> {
            assertThat(EventSchemas.violations(EventType.ALLOCATION_MADE, r.value())).isEmpty();
            AllocationMadeV1 event = EventJson.read(r.value(), AllocationMadeV1.class);
            assertThat(r.key()).isEqualTo(event.communityCode() + ":" + year);
            assertThat(event.cityShareFen() + event.districtShareFen()).isEqualTo(event.totalFen());
        });
        List<ConsumerRecord<String, String>> ledger = TestKafka.readUntil(Topics.FINANCE_LEDGER, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> r.key().startsWith(prefix)).count() >= 31);
        assertThat(ledger.stream().filter(r -> r.key().startsWith(prefix)).toList()).hasSize(31)
                .allSatisfy(r -> assertThat(EventSchemas.violations(EventType.LEDGER_ENTRY_POSTED, r.value())).isEmpty());
    }

    @Test
    @DisplayName("F4 passing: the city operator changes a year's policy with a reason, audited; the run uses it; then it is fixed")
    void policyChangedAndAudited() {
        int year = 2032;
        String code = Finance.unique("P");
        Finance.community(code, "URBAN", "D9", "NEAR_SUBURB", 2350);
        as(Finance.cityOperator()).get("/api/fund-policies/" + year).then().statusCode(200)
                .body("defaults", equalTo(true)).body("ruralFloorFen", equalTo(40_000_000))
                .body("urbanPer100HouseholdsFen", equalTo(400_000)).body("cityPercentFarSuburb", equalTo(70));
        Map<String, Object> change = Map.of("ruralFloorFen", 45_000_000, "urbanPer100HouseholdsFen", 500_000,
                "cityPercentMainUrban", 0, "cityPercentNearSuburb", 60, "cityPercentFarSuburb", 70,
                "reason", "市政府 2032 年提标");
        as(Finance.staff(code)).body(change).put("/api/fund-policies/" + year).then().statusCode(403);
        as(Finance.cityOperator()).body(Map.of("ruralFloorFen", 1, "urbanPer100HouseholdsFen", 1, "cityPercentMainUrban", 0,
                "cityPercentNearSuburb", 160, "cityPercentFarSuburb", 70, "reason", "typo")).put("/api/fund-policies/" + year)
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F4"));
        as(Finance.cityOperator()).body(change).put("/api/fund-policies/" + year).then().statusCode(200)
                .body("revision", equalTo(2)).body("defaults", equalTo(false));
        as(Finance.auditor()).get("/api/fund-policies/" + year + "/changes").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].changedBy", equalTo("city-operator"))
                .body("[0].reason", equalTo("市政府 2032 年提标"))
                .body("[0].oldPolicy", equalTo("rural=40000000 urban/100=400000 city%=0/50/70"))
                .body("[0].newPolicy", equalTo("rural=45000000 urban/100=500000 city%=0/60/70"));

        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200)
                .body("policyRevision", equalTo(2));
        // 2,350 × 500,000 / 100 = 11,750,000 fen; city 60% = 7,050,000
        assertAllocation(code, year, 11_750_000, 7_050_000, 4_700_000);
        as(Finance.cityOperator()).body(change).put("/api/fund-policies/" + year).then().statusCode(409);
    }

    @Test
    @DisplayName("F3 F4 the policy in force when a year's first allocation ran applies to the whole year: a later change is refused and a community registered later is allocated on the same revision")
    void policyFrozenForTheYear() {
        int year = 2053;
        String first = Finance.unique("Y");
        Finance.community(first, "URBAN", "D9", "NEAR_SUBURB", 1000);
        as(Finance.cityOperator()).body(Map.of("ruralFloorFen", 40_000_000, "urbanPer100HouseholdsFen", 500_000,
                "cityPercentMainUrban", 0, "cityPercentNearSuburb", 50, "cityPercentFarSuburb", 70,
                "reason", "2053 年标准")).put("/api/fund-policies/" + year).then().statusCode(200).body("revision", equalTo(2));
        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200)
                .body("policyRevision", equalTo(2));

        // mid-year: the operator tries to raise the amount and the city's share; the year keeps the value it ran with
        as(Finance.cityOperator()).body(Map.of("ruralFloorFen", 50_000_000, "urbanPer100HouseholdsFen", 600_000,
                "cityPercentMainUrban", 0, "cityPercentNearSuburb", 80, "cityPercentFarSuburb", 70,
                "reason", "年中提标")).put("/api/fund-policies/" + year).then().statusCode(409);
        String later = Finance.unique("Y");
        Finance.community(later, "URBAN", "D9", "NEAR_SUBURB", 1000);
        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200)
                .body("policyRevision", equalTo(2)).body("allocatedNow", equalTo(1));
        // 1,000 × 500,000 / 100 = 5,000,000 fen, city 50%: the same as the first community's
        assertAllocation(first, year, 5_000_000, 2_500_000, 2_500_000);
        assertAllocation(later, year, 5_000_000, 2_500_000, 2_500_000);
        as(Finance.auditor()).get("/api/fund-policies/" + year).then().statusCode(200)
                .body("urbanPer100HouseholdsFen", equalTo(500_000)).body("revision", equalTo(2));
        as(Finance.auditor()).get("/api/fund-policies/" + year + "/changes").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    @DisplayName("a district operator reads their district's allocations, not another's; the city and the auditor read all")
    void districtScope() {
        int year = 2033;
        String district = Finance.unique("D");
        String code = Finance.unique("A");
        Finance.community(code, "RURAL", district, "FAR_SUBURB", 100);
        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200);
        as(Finance.districtOperator(district)).get("/api/allocations?year=" + year).then().statusCode(200)
                .body("district", equalTo(district)).body("communities", equalTo(1)).body("items[0].communityCode", equalTo(code))
                .body("totalFen", equalTo(40_000_000)).body("cityShareFen", equalTo(28_000_000));
        as(Finance.districtOperator(district)).get("/api/allocations?year=" + year + "&district=OTHER").then().statusCode(403)
                .body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        as(Finance.auditor()).get("/api/allocations?year=" + year + "&district=" + district).then().statusCode(200)
                .body("communities", equalTo(1));
    }

    @Test
    @DisplayName("F2-F4 the city dashboard's lines: a year's allocations per district in one request, each as that district's own totals")
    void perDistrictInOneRequest() {
        int year = 2035;
        String suburb = Finance.unique("D");
        String urban = Finance.unique("D");
        Finance.community(Finance.unique("A"), "RURAL", suburb, "FAR_SUBURB", 100);
        Finance.community(Finance.unique("A"), "RURAL", suburb, "FAR_SUBURB", 120);
        Finance.community(Finance.unique("A"), "URBAN", urban, "MAIN_URBAN", 2_350);
        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200);

        List<Map<String, Object>> lines = as(Finance.auditor()).get("/api/allocations/districts?year=" + year).then().statusCode(200)
                .body("fundYear", equalTo(year)).extract().jsonPath().getList("districts");
        assertThat(lines).extracting(l -> (String) l.get("district")).isSorted().contains(suburb, urban);
        for (String district : List.of(suburb, urban)) {
            Map<String, Object> line = lines.stream().filter(l -> district.equals(l.get("district"))).findFirst().orElseThrow();
            var own = as(Finance.cityOperator()).get("/api/allocations?year=" + year + "&district=" + district).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(line).as(district).containsEntry("communities", own.getInt("communities"))
                    .containsEntry("totalFen", own.getInt("totalFen")).containsEntry("cityShareFen", own.getInt("cityShareFen"))
                    .containsEntry("districtShareFen", own.getInt("districtShareFen"));
        }
        assertThat(lines.stream().filter(l -> suburb.equals(l.get("district"))).findFirst().orElseThrow())
                .containsEntry("communities", 2).containsEntry("totalFen", 80_000_000);
        as(Finance.districtOperator(suburb)).get("/api/allocations/districts?year=" + year).then().statusCode(403);
    }

    @Test
    @DisplayName("F4 an allocation run started while the year's policy is being changed waits for the change and uses its revision")
    void runWaitsForAPolicyChangeInProgress() throws Exception {
        int year = 2034;
        String code = Finance.unique("W");
        Finance.community(code, "URBAN", "D9", "MAIN_URBAN", 1000);
        as(Finance.cityOperator()).get("/api/fund-policies/" + year).then().statusCode(200);
        // the policy row of 2034 exists once a run or a change stored its defaults: store them through the API
        as(Finance.cityOperator()).body(Map.of("ruralFloorFen", 40_000_000, "urbanPer100HouseholdsFen", 400_000,
                "cityPercentMainUrban", 0, "cityPercentNearSuburb", 50, "cityPercentFarSuburb", 70,
                "reason", "确认 2034 年标准")).put("/api/fund-policies/" + year).then().statusCode(200).body("revision", equalTo(2));

        try (java.sql.Connection change = city.yingzao.testing.TestPostgres.connect()) {
            change.setAutoCommit(false);
            // a policy change in progress: it holds the year's row and raises the amount per 100 households
            try (var s = change.prepareStatement("select revision from fund_policy where fund_year = ? for update")) {
                s.setInt(1, year);
                s.executeQuery();
            }
            java.util.concurrent.CompletableFuture<Integer> run = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs")
                            .then().statusCode(200).extract().path("policyRevision"));
            Thread.sleep(1500);
            assertThat(run).as("the run waits for the change").isNotDone();
            try (var s = change.prepareStatement(
                    "update fund_policy set urban_per_100_households_fen = 500000, revision = 3 where fund_year = ?")) {
                s.setInt(1, year);
                s.executeUpdate();
            }
            change.commit();

            assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
        }
        // revision 3: 1,000 × 500,000 / 100 = 5,000,000 fen; on the main urban tier the city pays 0%
        assertAllocation(code, year, 5_000_000, 0, 5_000_000);
    }

    static void assertAllocation(String community, int year, long total, long city, long district) {
        assertThat(TestPostgres.count("select total_fen from allocation where community_code = ? and fund_year = ?", community, year))
                .as("total of " + community).isEqualTo(total);
        assertThat(TestPostgres.count("select city_share_fen from allocation where community_code = ? and fund_year = ?", community, year))
                .as("city share of " + community).isEqualTo(city);
        assertThat(TestPostgres.count("select district_share_fen from allocation where community_code = ? and fund_year = ?", community, year))
                .as("district share of " + community).isEqualTo(district);
        assertThat(TestPostgres.count("select balance_fen from account where code = ?", "community:" + community + ":" + year))
                .as("balance of " + community).isEqualTo(total);
    }
}
