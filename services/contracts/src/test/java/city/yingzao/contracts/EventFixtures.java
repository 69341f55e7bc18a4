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
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.contracts.evaluation.AppealDecidedV1;
import city.yingzao.contracts.evaluation.AppealOpenedV1;
import city.yingzao.contracts.evaluation.DomainScore;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.contracts.grants.ApplicationDecidedV1;
import city.yingzao.contracts.grants.ApplicationSubmittedV1;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.contracts.grants.SupervisionMember;
import city.yingzao.contracts.grants.SupervisionTeamChangedV1;
import city.yingzao.contracts.grants.TrancheReleasedV1;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.contracts.training.CertificationReinstatedV1;
import city.yingzao.contracts.training.CertificationRenewedV1;
import city.yingzao.contracts.training.CertificationRevokedV1;
import city.yingzao.contracts.training.CertificationSuspendedV1;

import java.math.BigDecimal;
import java.time.LocalDate;

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
            case ORGANISATION_SNAPSHOT -> supportCentreOfShuijingfang();
            case CERTIFICATION_GRANTED -> evaluatorCertified();
            case CERTIFICATION_RENEWED -> evaluatorRenewedForTwoMoreYears();
            case CERTIFICATION_EXPIRED -> evaluatorExpired();
            case CERTIFICATION_SUSPENDED -> evaluatorSuspended();
            case CERTIFICATION_REINSTATED -> evaluatorReinstated();
            case CERTIFICATION_REVOKED -> evaluatorRevoked();
            case APPLICATION_SUBMITTED -> elderlyCanteenApplication();
            case APPLICATION_DECIDED -> elderlyCanteenAwarded();
            case PROJECT_STARTED -> elderlyCanteenStarted();
            case SUPERVISION_TEAM_CHANGED -> elderlyCanteenTeamComplete();
            case TRANCHE_RELEASED -> elderlyCanteenSecondTranche();
            case PROJECT_CLOSED -> elderlyCanteenCompleted();
            case EVALUATION_COMPLETED -> elderlyCanteenMidTermGood();
            case APPEAL_OPENED -> elderlyCanteenMidTermAppealed();
            case APPEAL_DECIDED -> elderlyCanteenMidTermAppealDismissed();
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

    static final Instant TWO_YEARS_ON = NOON.plusSeconds(2 * 365 * 86_400L);

    static OrganisationSnapshotV1 supportCentreOfShuijingfang() {
        return new OrganisationSnapshotV1("ORG-SW-01", "510104021001", "成都市社区营造支持中心", "SOCIAL_ORGANISATION",
                LocalDate.of(2015, 3, 12), true, 1, NOON);
    }

    static CertificationGrantedV1 evaluatorCertified() {
        return new CertificationGrantedV1("CERT-PE-2026-0001", "evaluator", "Evaluator Demo", null,
                "PARTICIPATORY_EVALUATOR", NOON, TWO_YEARS_ON, NOON);
    }

    static CertificationRenewedV1 evaluatorRenewedForTwoMoreYears() {
        return new CertificationRenewedV1("CERT-PE-2026-0001", "evaluator", "Evaluator Demo", null,
                "PARTICIPATORY_EVALUATOR", TWO_YEARS_ON, TWO_YEARS_ON.plusSeconds(2 * 365 * 86_400L), TWO_YEARS_ON);
    }

    static CertificationExpiredV1 evaluatorExpired() {
        return new CertificationExpiredV1("CERT-PE-2026-0001", "evaluator", "Evaluator Demo", null,
                "PARTICIPATORY_EVALUATOR", NOON, TWO_YEARS_ON, TWO_YEARS_ON);
    }

    static CertificationSuspendedV1 evaluatorSuspended() {
        return new CertificationSuspendedV1("CERT-PE-2026-0001", "evaluator", "Evaluator Demo", "ORG-SW-01",
                "PARTICIPATORY_EVALUATOR", NOON, TWO_YEARS_ON, "complaint under review", NOON);
    }

    static CertificationReinstatedV1 evaluatorReinstated() {
        return new CertificationReinstatedV1("CERT-PE-2026-0001", "evaluator", "Evaluator Demo", "ORG-SW-01",
                "PARTICIPATORY_EVALUATOR", NOON, TWO_YEARS_ON, NOON);
    }

    static CertificationRevokedV1 evaluatorRevoked() {
        return new CertificationRevokedV1("CERT-PE-2026-0001", "evaluator", "Evaluator Demo", null,
                "PARTICIPATORY_EVALUATOR", NOON, TWO_YEARS_ON, "assessment found copied", NOON);
    }

    static ApplicationSubmittedV1 elderlyCanteenApplication() {
        return new ApplicationSubmittedV1("APP-2026-0007", "CALL-2026-1", 2026, "ORG-SW-01", GrantTarget.COMMUNITY,
                "510104021001", "510104", "SERVICE_NEEDS", "水井坊长者食堂", 15_000_000, NOON);
    }

    static ApplicationDecidedV1 elderlyCanteenAwarded() {
        return new ApplicationDecidedV1("APP-2026-0007", "CALL-2026-1", "ORG-SW-01", GrantTarget.COMMUNITY,
                "510104021001", "AWARDED", 12_000_000, 3, List.of("reviewer", "reviewer-2", "reviewer-3"), NOON);
    }

    static ProjectStartedV1 elderlyCanteenStarted() {
        return new ProjectStartedV1("GP-2026-0007", "APP-2026-0007", "CALL-2026-1", 2026, "水井坊长者食堂", "ORG-SW-01",
                GrantTarget.COMMUNITY, "510104021001", "510104", "SERVICE_NEEDS", 12_000_000,
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30), "provisional-2016-v1",
                List.of("reviewer", "reviewer-2", "reviewer-3"),
                List.of(new SupervisionMember("PROJECT_LEAD", "agency"), new SupervisionMember("SENIOR_SUPERVISOR", "supervisor")),
                NOON);
    }

    static SupervisionTeamChangedV1 elderlyCanteenTeamComplete() {
        return new SupervisionTeamChangedV1("GP-2026-0007", "ORG-SW-01", "510104021001",
                List.of(new SupervisionMember("PROJECT_LEAD", "agency"),
                        new SupervisionMember("UNIVERSITY_EXPERT", "expert-scu"),
                        new SupervisionMember("SENIOR_SUPERVISOR", "supervisor"),
                        new SupervisionMember("SOCIAL_WORKER", "social-worker")),
                NOON);
    }

    static TrancheReleasedV1 elderlyCanteenSecondTranche() {
        return new TrancheReleasedV1("GP-2026-0007", "ORG-SW-01", "510104021001", 2, 4_800_000, "MID_TERM_PASSED",
                "EV-2026-0007-M", "AUTOMATIC", NOON);
    }

    static ProjectClosedV1 elderlyCanteenCompleted() {
        return new ProjectClosedV1("GP-2026-0007", "水井坊长者食堂", "ORG-SW-01", "510104021001", "SERVICE_NEEDS",
                "COMPLETED", 12_000_000, NOON);
    }

    static EvaluationCompletedV1 elderlyCanteenMidTermGood() {
        return new EvaluationCompletedV1("EV-2026-0007-M", "GP-2026-0007", "ORG-SW-01", "510104021001", "MID_TERM",
                "provisional-2016-v1",
                List.of(new DomainScore("D1", new BigDecimal("15.00")), new DomainScore("D2", new BigDecimal("12.38")),
                        new DomainScore("D3", new BigDecimal("13.13")), new DomainScore("D4", new BigDecimal("11.25")),
                        new DomainScore("D5", new BigDecimal("10.50")), new DomainScore("D6", new BigDecimal("14.06"))),
                new BigDecimal("76.32"), "GOOD", true, NOON, NOON.plusSeconds(7 * 86_400));
    }

    static AppealOpenedV1 elderlyCanteenMidTermAppealed() {
        return new AppealOpenedV1("EV-2026-0007-M", "GP-2026-0007", "ORG-SW-01", "510104021001", "MID_TERM", NOON);
    }

    static AppealDecidedV1 elderlyCanteenMidTermAppealDismissed() {
        return new AppealDecidedV1("EV-2026-0007-M", "GP-2026-0007", "ORG-SW-01", "510104021001", "MID_TERM", false, NOON);
    }

    private EventFixtures() {
    }
}
