package city.yingzao.finance.application;

import city.yingzao.finance.domain.Allocation;
import city.yingzao.finance.infrastructure.AllocationStore;
import city.yingzao.finance.infrastructure.AllocationStore.DistrictTotals;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** A year's allocations for the city, the auditor, or a district operator's own district (F2-F4). */
@ApplicationScoped
public class AllocationQueries {

    @Inject
    AllocationStore allocations;

    @Inject
    Access access;

    /** A page of allocations (keyset: communities after {@code after}) with the totals of the whole selection. */
    public record AllocationPage(int fundYear, String district, long communities, long totalFen, long cityShareFen,
                                 long districtShareFen, List<Allocation> items, String next) {
    }

    @Transactional
    public AllocationPage list(int fundYear, String district, String after, Integer size) {
        FundPolicyService.checkYear(fundYear);
        String scoped = access.defaultDistrict(district);
        access.requireReadDistrict(scoped);
        int limit = size == null ? 100 : size;
        if (limit < 1 || limit > 1000) {
            throw Problems.invalid("size", "must be 1 to 1000, not " + limit);
        }
        DistrictTotals totals = allocations.totals(fundYear, scoped);
        List<Allocation> items = allocations.ofYear(fundYear, scoped, after, limit);
        String next = items.size() == limit ? items.get(items.size() - 1).communityCode() : null;
        return new AllocationPage(fundYear, scoped, totals.communities(), totals.totalFen(), totals.cityShareFen(),
                totals.districtShareFen(), items, next);
    }

    /** A year's allocations per district, for the city's dashboard (city operators and auditors). */
    public record DistrictAllocations(int fundYear, List<DistrictTotals> districts) {
    }

    @Transactional
    public DistrictAllocations byDistrict(int fundYear) {
        FundPolicyService.checkYear(fundYear);
        access.requireReadDistrict(null);
        return new DistrictAllocations(fundYear, allocations.totalsByDistrict(fundYear));
    }
}
