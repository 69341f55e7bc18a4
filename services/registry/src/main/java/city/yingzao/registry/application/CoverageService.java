package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import city.yingzao.kernel.settings.Settings;
import city.yingzao.registry.application.Views.DistrictView;
import city.yingzao.registry.domain.CommunityBuildingCoverage;
import city.yingzao.registry.domain.CommunityStage;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.DistrictRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How far community building has spread (P2), city-wide or in one district. */
@ApplicationScoped
@Transactional
public class CoverageService {

    @Inject
    CommunityRepository communities;

    @Inject
    DistrictRepository districts;

    @Inject
    DistrictService districtService;

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    /** Coverage of the city (district null) or of one district; a district operator sees only their own. */
    public CoverageView coverage(String district) {
        String scope = district;
        if (!caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR)) {
            scope = district == null ? caller.district().orElse("") : district;
            caller.require(caller.inDistrict(scope), "district " + scope);
        }
        if (scope != null && districts.findByIdOptional(scope).isEmpty()) {
            throw Problems.notFound("district", scope);
        }
        return view(scope, communities.countByStage(scope), runningFrom(), settings.decimal(RegistrySettings.COVERAGE_TARGET));
    }

    /**
     * Coverage of each district on a page of districts (by code), for the city's dashboard: the page and one count
     * grouped by district and stage, however many districts. City operators and auditors.
     */
    public PageView<DistrictCoverage> byDistrict(PageRequest page) {
        caller.require(caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR), "every district");
        PageView<DistrictView> onPage = districtService.list(page);
        Map<String, Map<Integer, Long>> counts = communities.countByDistrictAndStage(
                onPage.items().stream().map(DistrictView::code).toList());
        CommunityStage runningFrom = runningFrom();
        double target = settings.decimal(RegistrySettings.COVERAGE_TARGET);
        List<DistrictCoverage> items = onPage.items().stream().map(d -> new DistrictCoverage(d,
                view(d.code(), counts.getOrDefault(d.code(), Map.of()), runningFrom, target))).toList();
        return new PageView<>(items, onPage.page(), onPage.size(), onPage.totalItems(), onPage.totalPages());
    }

    private CommunityStage runningFrom() {
        return CommunityStage.ofStep((int) settings.whole(RegistrySettings.COVERAGE_RUNNING_FROM_STAGE))
                .orElseThrow(() -> new IllegalStateException("the setting's bounds keep it within 1..6"));
    }

    private static CoverageView view(String scope, Map<Integer, Long> countsByStep, CommunityStage runningFrom, double target) {
        Map<CommunityStage, Long> byStage = new EnumMap<>(CommunityStage.class);
        countsByStep.forEach((step, count) -> CommunityStage.ofStep(step).ifPresent(stage -> byStage.put(stage, count)));
        CommunityBuildingCoverage coverage = new CommunityBuildingCoverage(byStage, runningFrom, target);
        Map<Integer, Long> counts = new TreeMap<>();
        coverage.byStage().forEach((stage, count) -> counts.put(stage.step(), count));
        return new CoverageView(scope, coverage.total(), coverage.running(), coverage.share(), coverage.target(),
                coverage.meetsTarget(), runningFrom.step(), counts, coverage.summary());
    }

    /** A district and its coverage, one line of the city's dashboard. */
    public record DistrictCoverage(DistrictView district, CoverageView coverage) {
    }

    /** Coverage as the API answers it; {@code byStage} maps step 1..6 to communities at that step. */
    public record CoverageView(String district, long communities, long running, double share, double target,
            boolean meetsTarget, int runningFromStage, Map<Integer, Long> byStage, String summary) {
    }
}
