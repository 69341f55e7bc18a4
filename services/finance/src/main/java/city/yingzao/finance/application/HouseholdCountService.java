package city.yingzao.finance.application;

import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.HouseholdCount;
import city.yingzao.finance.infrastructure.AllocationStore;
import city.yingzao.finance.infrastructure.HouseholdCountStore;
import city.yingzao.finance.infrastructure.HouseholdCountStore.Declaration;
import city.yingzao.finance.infrastructure.HouseholdCountStore.Figures;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * F3 household counts: the city operator, or the district operator of the community's district,
 * declares the count an allocation of a year uses, with a reason (who, when, history kept); without
 * one the registry's registered count is used. Both are shown beside the households the registry
 * lists, so a count that differs from the list shows.
 */
@ApplicationScoped
public class HouseholdCountService {

    @Inject
    HouseholdCountStore counts;

    @Inject
    AllocationStore allocations;

    @Inject
    Communities communities;

    @Inject
    Access access;

    @Inject
    Caller caller;

    /** A declaration as shown to operators and auditors. */
    public record DeclarationView(long seq, int households, String reason, String declaredBy, Instant declaredAt) {
        static DeclarationView of(Declaration d) {
            return d == null ? null : new DeclarationView(d.seq(), d.households(), d.reason(), d.declaredBy(), d.declaredAt());
        }
    }

    /**
     * A community's household figures for a fund year: the count in force (declared, else the
     * registry's) and its source, the registry's count, a declaration if any, the households listed
     * (active) in the registry replica, and {@code difference} = in force − listed. When the year is
     * allocated, the count and source the allocation used.
     */
    public record CommunityCounts(String communityCode, String name, String districtCode, int fundYear, int inForce,
                                  String source, int registryCount, DeclarationView declared, long listedHouseholds,
                                  long difference, boolean differs, Integer allocatedWith, String allocatedFrom,
                                  List<DeclarationView> history) {
    }

    /** The communities of a district whose count in force differs from the households listed. */
    public record DistrictDifferences(int fundYear, String district, int communities, List<CommunityCounts> differing) {
    }

    @Transactional
    public CommunityCounts declare(String communityCode, int fundYear, int households, String reason) {
        FundPolicyService.checkYear(fundYear);
        Community community = communities.require(communityCode);
        caller.require(caller.has(Roles.CITY_OPERATOR)
                || (caller.has(Roles.DISTRICT_OPERATOR) && caller.inDistrict(community.districtCode())),
                "district " + community.districtCode());
        Rules.enforce(HouseholdCount.checkDeclared(households));
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "say why this count is declared");
        }
        counts.lockYearShared(fundYear);
        allocations.find(community.code(), fundYear).ifPresent(a -> Rules.enforceAsConflict(Optional.of(
                HouseholdCount.alreadyAllocated(community.code(), fundYear, a.registeredHouseholds(), a.householdSource()))));
        counts.declare(community.code(), fundYear, households, reason.trim(), access.who(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return view(community, fundYear);
    }

    @Transactional
    public CommunityCounts find(String communityCode, int fundYear) {
        FundPolicyService.checkYear(fundYear);
        Community community = communities.require(communityCode);
        access.requireReadDistrict(community.districtCode());
        return view(community, fundYear);
    }

    @Transactional
    public DistrictDifferences district(int fundYear, String district) {
        FundPolicyService.checkYear(fundYear);
        String scoped = access.defaultDistrict(district);
        if (scoped == null || scoped.isBlank()) {
            throw Problems.invalid("district", "name the district");
        }
        access.requireReadDistrict(scoped);
        List<Figures> all = counts.figures(fundYear, null, scoped);
        List<CommunityCounts> differing = all.stream().map(f -> counts(f, fundYear, List.of(), false)).filter(CommunityCounts::differs)
                .toList();
        return new DistrictDifferences(fundYear, scoped, all.size(), differing);
    }

    private CommunityCounts view(Community community, int fundYear) {
        Figures f = counts.figures(fundYear, community.code(), null).stream().findFirst()
                .orElseThrow(() -> Problems.notFound("community", community.code()));
        return counts(f, fundYear, counts.history(community.code(), fundYear).stream().map(DeclarationView::of).toList(), true);
    }

    /** {@code withAllocation}: also what the year's allocation used (the district list leaves it out: one query for all). */
    private CommunityCounts counts(Figures f, int fundYear, List<DeclarationView> history, boolean withAllocation) {
        HouseholdCount.InForce inForce = HouseholdCount.inForce(f.registryCount(), Optional.ofNullable(f.declared())
                .map(d -> new HouseholdCount.Declared(d.seq(), d.households())));
        var allocation = withAllocation ? allocations.find(f.communityCode(), fundYear)
                : Optional.<city.yingzao.finance.domain.Allocation>empty();
        long difference = inForce.households() - f.listedHouseholds();
        return new CommunityCounts(f.communityCode(), f.name(), f.districtCode(), fundYear, inForce.households(),
                inForce.source().name(), f.registryCount(), DeclarationView.of(f.declared()), f.listedHouseholds(), difference,
                difference != 0, allocation.map(a -> a.registeredHouseholds()).orElse(null),
                allocation.map(a -> a.householdSource().name()).orElse(null), history);
    }
}
