package city.yingzao.portal.application;

import city.yingzao.portal.domain.Dashboard;
import city.yingzao.portal.domain.Evaluations;
import city.yingzao.portal.domain.Finance;
import city.yingzao.portal.domain.Grants;
import city.yingzao.portal.domain.Page;
import city.yingzao.portal.domain.Registry;
import city.yingzao.portal.domain.Settings;
import city.yingzao.portal.infrastructure.EvaluationClient;
import city.yingzao.portal.infrastructure.FinanceClient;
import city.yingzao.portal.infrastructure.GrantsClient;
import city.yingzao.portal.infrastructure.RegistryClient;
import city.yingzao.portal.infrastructure.SettingsApi;
import city.yingzao.portal.infrastructure.SettingsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What city and district operators see (P2, F2-F4, F8, grants, evaluations): each page asks the services for what they
 * already page and total; nothing here loads the whole city to cut it. The services check role and scope: a district
 * operator asking for another district gets their refusal.
 */
@ApplicationScoped
public class Operations {

    /** Districts on one page of the dashboard; communities on one page of a district. */
    public static final int DISTRICTS = 25;
    public static final int COMMUNITIES = 25;

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    @RestClient
    FinanceClient finance;

    @Inject
    @RestClient
    GrantsClient grants;

    @Inject
    @RestClient
    EvaluationClient evaluation;

    @Inject
    SettingsClients settings;

    /** The dashboard: the city's (or the district's) coverage and allocations, then one line per district. */
    public record Overview(int year, Registry.Coverage coverage, Finance.AllocationPage allocations, Page<Dashboard.DistrictLine> districts,
                           List<Grants.Call> calls, Grants.Awards awards, Map<String, Long> grades, boolean gradesShown) {
    }

    /** A district's page: its coverage and allocations, and one page of its communities with their allocations. */
    public record DistrictView(int year, Registry.District district, Registry.Coverage coverage, Finance.AllocationPage allocations,
                               Page<Registry.CommunityRow> page, List<Dashboard.CommunityLine> lines) {
    }

    /** A community's page for an operator: the registry's row, its allocations, its fund use by category, its awards. */
    public record CommunityView(Registry.CommunityRow community, Finance.CommunityFinance finance,
                                List<Dashboard.CategoryUse> useByCategory, Grants.Awards awards) {
    }

    /**
     * The dashboard of a city operator (every district, paged) or a district operator ({@code ownDistrict}: only theirs).
     */
    public Overview overview(int year, String ownDistrict, int page) {
        Registry.Coverage coverage = registry.coverage(ownDistrict);
        Finance.AllocationPage allocations = finance.allocations(year, ownDistrict, null, 1);
        Page<Dashboard.DistrictLine> districts;
        if (ownDistrict != null) {
            Registry.District d = registry.district(ownDistrict);
            districts = new Page<>(List.of(new Dashboard.DistrictLine(d, coverage, allocations.totals())), 0, 1, 1, 1);
        } else {
            // one request each to the registry and finance for the whole page of districts, however many
            Page<Registry.DistrictCoverage> covered = registry.districtCoverage(Math.max(0, page), DISTRICTS);
            List<Finance.DistrictTotals> allocated = finance.allocationsByDistrict(year).districts();
            districts = new Page<>(Dashboard.lines(covered.items(), allocated), covered.page(), covered.size(), covered.totalItems(),
                    covered.totalPages());
        }
        List<Grants.Call> calls = grants.calls();
        Grants.Awards awards = grants.awards(null, null);
        Map<String, Long> grades = Map.of();
        boolean gradesShown = false;
        try {
            Evaluations.GradeCounts counted = evaluation.gradeCounts();
            grades = counted.released() == 0 ? Map.of() : counted.grades();
            gradesShown = true;
        } catch (ServiceProblem refused) {
            if (refused.unavailable()) {
                throw refused;
            }
            // a role evaluation does not count the city's grades for: the dashboard goes without them
        }
        return new Overview(year, coverage, allocations, districts, calls, awards, grades, gradesShown);
    }

    public DistrictView district(int year, String code, int page) {
        Registry.District district = registry.district(code);
        Registry.Coverage coverage = registry.coverage(code);
        Page<Registry.CommunityRow> communities = registry.communityRows(code, null, Math.max(0, page), COMMUNITIES, "code");
        Finance.AllocationPage allocations;
        if (communities.items().isEmpty()) {
            allocations = finance.allocations(year, code, null, 1);
        } else {
            String after = Dashboard.cursorBefore(communities.items().get(0).code());
            allocations = finance.allocations(year, code, after, COMMUNITIES);
        }
        return new DistrictView(year, district, coverage, allocations, communities,
                Dashboard.join(communities.items(), allocations.items()));
    }

    public CommunityView community(String code) {
        Registry.CommunityRow row = registry.community(code);
        Finance.CommunityFinance f = finance.disclosure(code);
        return new CommunityView(row, f, Dashboard.useByCategory(f.projects()), grants.awards(code, null));
    }

    // --- fund policy (F2-F4), audited ---

    public record PolicyView(Finance.Policy policy, List<Finance.PolicyChange> changes) {
    }

    public PolicyView policy(int year) {
        return new PolicyView(finance.policy(year), finance.policyChanges(year));
    }

    public Finance.Policy changePolicy(int year, Finance.PolicyRequest request) {
        return finance.changePolicy(year, request);
    }

    // --- every service's settings, audited ---

    /** A service's settings, or the reason it did not show them (its refusal, or that it cannot be reached). */
    public record ServiceSettings(String service, List<Settings.Setting> settings, String problem) {
    }

    public List<ServiceSettings> settings() {
        List<ServiceSettings> out = new ArrayList<>();
        for (String service : Settings.SERVICES) {
            var client = settings.of(service);
            if (client.isEmpty()) {
                continue;
            }
            try {
                out.add(new ServiceSettings(service, client.get().list(), null));
            } catch (ServiceProblem refused) {
                out.add(new ServiceSettings(service, List.of(), refused.unavailable() ? "unavailable" : refused.message()));
            } catch (RuntimeException unreachable) {
                out.add(new ServiceSettings(service, List.of(), "unavailable"));
            }
        }
        return out;
    }

    public record SettingHistory(String service, Settings.Setting setting, List<Settings.Change> changes) {
    }

    public SettingHistory setting(String service, String key) {
        SettingsApi client = client(service);
        Settings.Setting setting = client.list().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, null, "Not Found", null));
        return new SettingHistory(service, setting, client.history(key));
    }

    public Settings.Setting changeSetting(String service, String key, String value, String reason) {
        return client(service).change(key, new Settings.ChangeRequest(value, reason));
    }

    private SettingsApi client(String service) {
        return settings.of(service).orElseThrow(() -> new ServiceProblem(404, null, "Not Found", null));
    }
}
