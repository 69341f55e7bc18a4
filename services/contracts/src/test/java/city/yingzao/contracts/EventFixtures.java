package city.yingzao.contracts;

import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.contracts.finance.AllocationMadeV1;
import city.yingzao.contracts.finance.LedgerEntryPostedV1;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1.Courtyard;
import city.yingzao.contracts.registry.CommunitySnapshotV1.ResidentGroup;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;

import java.time.Instant;
import java.util.List;

/** One realistic sample of every event type, named after what it shows. */
final class EventFixtures {

    static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    static IntegrationEvent sampleOf(EventType type) {
        return switch (type) {
            case COMMUNITY_SNAPSHOT -> shuijingfangWithTwoGroups();
            case HOUSEHOLD_SNAPSHOT -> householdInGroupOne();
            case RESOLUTION_ADOPTED -> playgroundProjectAdoptedTwentyToThree();
            case MOTION_REJECTED -> parkingMotionTwelveOfTwentyFive();
            case ALLOCATION_MADE -> shuijingfang2026Allocation();
            case PROJECT_STEP_CHANGED -> playgroundAtHearing();
            case LEDGER_ENTRY_POSTED -> allocationCreditedToShuijingfang();
        };
    }

    static CommunitySnapshotV1 shuijingfangWithTwoGroups() {
        return new CommunitySnapshotV1("510104021001", "水井坊社区", "URBAN", "510104", "MAIN_URBAN", "510104021",
                2350, 3,
                List.of(new ResidentGroup("G01", "第一居民小组"), new ResidentGroup("G02", "第二居民小组")),
                List.of(new Courtyard("Y01", "水井坊院落", "G01"), new Courtyard("Y02", "交子院落", null)),
                7, NOON);
    }

    static HouseholdSnapshotV1 householdInGroupOne() {
        return new HouseholdSnapshotV1("H0001", "510104021001", "G01", null, true, 1, NOON);
    }

    static ResolutionAdoptedV1 playgroundProjectAdoptedTwentyToThree() {
        return new ResolutionAdoptedV1("RES-7f3a", "510104021001", "COUNCIL-1", "COMMUNITY", "FUND_PROJECT",
                "PRJ-9c1e", "翻新水井坊儿童游乐场", "MOT-42", 20, 3, 0, 25,
                NOON, NOON.plusSeconds(7 * 86_400));
    }

    static MotionRejectedV1 parkingMotionTwelveOfTwentyFive() {
        return new MotionRejectedV1("MOT-43", "510104021001", "COUNCIL-1", "COMMUNITY", "GENERAL", null,
                "院内停车收费", 12, 8, 1, 25, "D7: 12 yes of 25 members, 13 needed", NOON);
    }

    static AllocationMadeV1 shuijingfang2026Allocation() {
        return new AllocationMadeV1("ALLOC-2026-510104021001", "510104021001", 2026, "URBAN", "MAIN_URBAN", 2350,
                "URBAN_PER_100_HOUSEHOLDS", 9_400_000, 0, 9_400_000, 1, NOON);
    }

    static ProjectStepChangedV1 playgroundAtHearing() {
        return new ProjectStepChangedV1("PRJ-9c1e", "510104021001", 2026, "翻新水井坊儿童游乐场",
                "COMMUNITY_INFRASTRUCTURE", 5, "HEARING", 3_000_000, 0, NOON);
    }

    static LedgerEntryPostedV1 allocationCreditedToShuijingfang() {
        return new LedgerEntryPostedV1("ENT-1", "510104021001", 2026, "ALLOCATION", "ALLOC-2026-510104021001",
                "2026 年度社区公共服务资金",
                List.of(new LedgerEntryPostedV1.Line("community:510104021001:2026", 9_400_000, 0),
                        new LedgerEntryPostedV1.Line("district:510104:2026", 0, 9_400_000)),
                1, null, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOON);
    }

    private EventFixtures() {
    }
}
