package city.yingzao.finance.application;

import city.yingzao.finance.domain.FundPolicy;
import city.yingzao.finance.domain.Money;
import city.yingzao.finance.infrastructure.AllocationStore;
import city.yingzao.finance.infrastructure.PolicyStore;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Fund policies per year (F2-F4). A year nobody set takes the configured defaults; the first
 * allocation run of the year freezes them as revision 1. The city operator changes a year's policy
 * with a reason, audited (who, when, old, new); once the year's allocations are made its policy is
 * fixed, so every allocation of a year follows one policy.
 */
@ApplicationScoped
public class FundPolicyService {

    static final String CONFIGURATION = "configuration";

    @Inject
    PolicyStore policies;

    @Inject
    AllocationStore allocations;

    @Inject
    FundPolicyConfig defaults;

    @Inject
    Access access;

    /** A policy as operators read it: stored, or the defaults a run would freeze. */
    public record PolicyView(int fundYear, long ruralFloorFen, long urbanPer100HouseholdsFen, int cityPercentMainUrban,
                             int cityPercentNearSuburb, int cityPercentFarSuburb, long revision, boolean defaults) {

        static PolicyView of(FundPolicy p, boolean defaults) {
            return new PolicyView(p.fundYear(), p.ruralFloor().fen(), p.urbanPer100Households().fen(), p.cityPercentMainUrban(),
                    p.cityPercentNearSuburb(), p.cityPercentFarSuburb(), p.revision(), defaults);
        }
    }

    /** What the operator sends. */
    public record PolicyChange(long ruralFloorFen, long urbanPer100HouseholdsFen, int cityPercentMainUrban,
                               int cityPercentNearSuburb, int cityPercentFarSuburb, String reason) {
    }

    @Transactional
    public PolicyView view(int fundYear) {
        checkYear(fundYear);
        return policies.find(fundYear, false).map(p -> PolicyView.of(p, false))
                .orElseGet(() -> PolicyView.of(defaultsFor(fundYear), true));
    }

    /** One audited change of a year's policy. */
    public record ChangeView(int fundYear, long revision, String oldPolicy, String newPolicy, String reason, String changedBy,
                             Instant changedAt) {
    }

    @Transactional
    public List<ChangeView> history(int fundYear) {
        checkYear(fundYear);
        return policies.history(fundYear).stream().map(c -> new ChangeView(c.fundYear(), c.revision(), c.oldPolicy(),
                c.newPolicy(), c.reason(), c.changedBy(), c.changedAt())).toList();
    }

    @Transactional
    public PolicyView change(int fundYear, PolicyChange change) {
        checkYear(fundYear);
        if (change.reason() == null || change.reason().isBlank()) {
            throw Problems.invalid("reason", "say why the policy changes; the change is audited");
        }
        policies.insertIfAbsent(defaultsFor(fundYear), CONFIGURATION, Instant.now());
        FundPolicy current = policies.find(fundYear, true).orElseThrow();
        if (allocations.anyIn(fundYear)) {
            throw Problems.conflict("the allocations of " + fundYear + " were made with policy revision " + current.revision()
                    + "; a year's policy is fixed once its allocations are made");
        }
        FundPolicy next = new FundPolicy(fundYear, Money.fen(change.ruralFloorFen()), Money.fen(change.urbanPer100HouseholdsFen()),
                change.cityPercentMainUrban(), change.cityPercentNearSuburb(), change.cityPercentFarSuburb(),
                current.revision() + 1);
        Rules.enforceAll(next.problems());
        Instant now = Instant.now();
        policies.update(next, access.who(), now);
        policies.recordChange(new PolicyStore.Change(fundYear, next.revision(), current.describe(), next.describe(),
                change.reason().trim(), access.who(), now));
        return PolicyView.of(next, false);
    }

    /**
     * The policy an allocation run uses: the stored one, or the defaults stored now as revision 1,
     * locked until the run commits. Requires a transaction. A change of the year's policy takes the same
     * row lock, so it waits for a run in progress and then finds its allocations (409), and a run
     * started during a change waits for it and uses the new revision: one year is never allocated
     * under two revisions (F2-F4).
     */
    FundPolicy freeze(int fundYear) {
        policies.insertIfAbsent(defaultsFor(fundYear), CONFIGURATION, Instant.now());
        return policies.find(fundYear, true).orElseThrow();
    }

    FundPolicy defaultsFor(int fundYear) {
        return new FundPolicy(fundYear, Money.fen(defaults.ruralFloorFen()), Money.fen(defaults.urbanPer100HouseholdsFen()),
                defaults.cityPercent().mainUrban(), defaults.cityPercent().nearSuburb(), defaults.cityPercent().farSuburb(), 1);
    }

    static void checkYear(int fundYear) {
        if (fundYear < 2000 || fundYear > 2200) {
            throw Problems.invalid("fundYear", "must be a year between 2000 and 2200, not " + fundYear);
        }
    }
}
