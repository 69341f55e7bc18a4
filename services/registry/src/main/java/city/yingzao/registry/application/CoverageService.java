package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import city.yingzao.kernel.settings.Settings;
import city.yingzao.registry.domain.CommunityBuildingCoverage;
import city.yingzao.registry.domain.CommunityStage;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.DistrictRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
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
        Map<CommunityStage, Long> byStage = new EnumMap<>(CommunityStage.class);
        communities.countByStage(scope).forEach((step, count) ->
                CommunityStage.ofStep(step).ifPresent(stage -> byStage.put(stage, count)));
        CommunityStage runningFrom = CommunityStage.ofStep((int) settings.whole(RegistrySettings.COVERAGE_RUNNING_FROM_STAGE))
                .orElseThrow(() -> new IllegalStateException("the setting's bounds keep it within 1..6"));
        CommunityBuildingCoverage coverage = new CommunityBuildingCoverage(byStage, runningFrom,
                settings.decimal(RegistrySettings.COVERAGE_TARGET));
        Map<Integer, Long> counts = new TreeMap<>();
        coverage.byStage().forEach((stage, count) -> counts.put(stage.step(), count));
        return new CoverageView(scope, coverage.total(), coverage.running(), coverage.share(), coverage.target(),
                coverage.meetsTarget(), runningFrom.step(), counts, coverage.summary());
    }

    /** Coverage as the API answers it; {@code byStage} maps step 1..6 to communities at that step. */
    public record CoverageView(String district, long communities, long running, double share, double target,
            boolean meetsTarget, int runningFromStage, Map<Integer, Long> byStage, String summary) {
    }
}
