package city.yingzao.finance.application;

import city.yingzao.contracts.finance.AllocationMadeV1;
import city.yingzao.contracts.finance.LedgerEntryPostedV1;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.finance.domain.Allocation;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.Project;

import java.time.Instant;

/** The finance service's published facts, built from domain objects in the shape of the contracts. */
final class Events {

    private Events() {
    }

    static AllocationMadeV1 allocationMade(Allocation a) {
        return new AllocationMadeV1(a.id(), a.communityCode(), a.fundYear(), a.communityKind().name(), a.districtTier().name(),
                a.registeredHouseholds(), a.basis().name(), a.totalFen(), a.cityShareFen(), a.districtShareFen(),
                a.policyRevision(), a.allocatedAt());
    }

    static LedgerEntryPostedV1 entryPosted(LedgerEntry e) {
        return new LedgerEntryPostedV1(e.id(), e.communityCode(), e.fundYear(), e.kind().name(), e.reference(), e.memo(),
                e.lines().stream().map(l -> new LedgerEntryPostedV1.Line(l.account(), l.debitFen(), l.creditFen())).toList(),
                e.sequence(), e.previousHash(), e.hash(), e.postedAt());
    }

    static ProjectStepChangedV1 stepChanged(Project p, Instant at) {
        return new ProjectStepChangedV1(p.id(), p.communityCode(), p.fundYear(), p.title(), p.category().name(),
                p.step().number(), p.step().name(), p.budgetFen(), p.paidFen(), at);
    }

    /** F6: a project withdrawn or rejected keeps its step; the step name says how it ended. */
    static ProjectStepChangedV1 ended(Project p, Instant at) {
        return new ProjectStepChangedV1(p.id(), p.communityCode(), p.fundYear(), p.title(), p.category().name(),
                p.step().number(), p.endedAs().name(), p.budgetFen(), p.paidFen(), at);
    }
}
