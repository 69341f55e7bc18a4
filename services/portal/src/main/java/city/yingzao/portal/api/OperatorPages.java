package city.yingzao.portal.api;

import city.yingzao.portal.application.Operations;
import city.yingzao.portal.application.ServiceProblem;
import city.yingzao.portal.domain.Amounts;
import city.yingzao.portal.domain.Csv;
import city.yingzao.portal.domain.Dashboard;
import city.yingzao.portal.domain.Finance;
import city.yingzao.portal.domain.Money;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * City and district operators: the dashboard of community building (P2 coverage, F2-F4 allocations and who pays them,
 * grants, evaluation grades), the drill-down city → district → community, a CSV of each table, the fund policy and every
 * service's settings with their audit trails. The services decide what each operator may see.
 */
@Path("/operator")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class OperatorPages {

    static final String CODE = PublicPages.CODE;
    static final String KEY = "[A-Za-z0-9._-]{1,100}";
    static final String SERVICE = "registry|finance|deliberation|grants|evaluation|training";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Operations.Overview view, String coverageChart, String moneyChart,
                String gradesChart, String link, String csv);

        static native TemplateInstance district(Operations.DistrictView view, String stageChart, String link, String csv);

        static native TemplateInstance community(Operations.CommunityView view, String useChart);

        static native TemplateInstance policy(Operations.PolicyView view, int year, Refusal refusal, String done, String me);

        static native TemplateInstance settings(List<Operations.ServiceSettings> services);

        static native TemplateInstance setting(Operations.SettingHistory view, Refusal refusal, String done, String me);
    }

    @Inject
    Operations operations;

    @Inject
    Visitor visitor;

    /** The words of these pages in the visitor's language, for chart legends built here. */
    City city() {
        return Words.city(visitor);
    }

    /** The district a district operator is limited to; none for a city operator (or an auditor). */
    String ownDistrict() {
        if (visitor.has("city-operator") || visitor.has("auditor")) {
            return null;
        }
        return visitor.has("district-operator") ? visitor.claim("district") : null;
    }

    static int thisYear() {
        return LocalDate.now(PageExtensions.CITY).getYear();
    }

    static int year(Integer year) {
        return year == null ? thisYear() : year;
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(10000) int page) {
        Operations.Overview view = operations.overview(year(year), ownDistrict(), page - 1);
        List<String> names = view.districts().items().stream().map(l -> l.district().name()).toList();
        Map<String, List<? extends Number>> coverage = new LinkedHashMap<>();
        coverage.put(city().chart_running(), view.districts().items().stream().map(l -> l.coverage().running()).toList());
        coverage.put(city().chart_not_running(), view.districts().items().stream()
                .map(l -> l.coverage().communities() - l.coverage().running()).toList());
        Map<String, List<? extends Number>> money = new LinkedHashMap<>();
        money.put(city().col_city_share(), view.districts().items().stream().map(l -> Dashboard.yuanWhole(l.cityShareFen())).toList());
        money.put(city().col_district_share(), view.districts().items().stream().map(l -> Dashboard.yuanWhole(l.districtShareFen())).toList());
        String y = String.valueOf(view.year());
        return Templates.dashboard(view,
                ChartJson.of(Dashboard.bars(names, coverage, true, city().chart_unit_communities())),
                ChartJson.of(Dashboard.bars(names, money, true, city().chart_unit_yuan())),
                ChartJson.of(Dashboard.pie(view.grades())),
                "/operator?year=" + y + "&page=", "/operator/districts.csv?year=" + y + "&page=" + page);
    }

    @GET
    @Path("districts.csv")
    @Produces("text/csv")
    public Response districtsCsv(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(10000) int page) {
        Operations.Overview view = operations.overview(year(year), ownDistrict(), page - 1);
        List<List<?>> rows = new ArrayList<>();
        for (Dashboard.DistrictLine l : view.districts().items()) {
            rows.add(List.of(l.district().code(), l.district().name(), l.district().tier(), l.coverage().communities(),
                    l.coverage().running(), l.coverage().sharePercent(), l.allocated(), Money.yuan(l.totalFen()).replace(",", ""),
                    Money.yuan(l.cityShareFen()).replace(",", ""), Money.yuan(l.districtShareFen()).replace(",", "")));
        }
        return csv("districts-" + view.year() + ".csv", Csv.of(List.of("district", "name", "tier", "communities", "running",
                "share_percent", "allocated", "total_yuan", "city_share_yuan", "district_share_yuan"), rows));
    }

    @GET
    @Path("districts/{code}")
    public TemplateInstance district(@PathParam("code") @Pattern(regexp = CODE) String code,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100000) int page) {
        Operations.DistrictView view = operations.district(year(year), code, page - 1);
        List<String> stages = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int s = 0; s <= 6; s++) {
            if (view.coverage().atStage(s) > 0 || s <= 4) {
                stages.add(city().stage(s));
                counts.add(view.coverage().atStage(s));
            }
        }
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(city().chart_communities(), counts);
        String y = String.valueOf(view.year());
        return Templates.district(view, ChartJson.of(Dashboard.bars(stages, series, false, city().chart_unit_communities())),
                "/operator/districts/" + code + "?year=" + y + "&page=",
                "/operator/districts/" + code + "/communities.csv?year=" + y + "&page=" + page);
    }

    @GET
    @Path("districts/{code}/communities.csv")
    @Produces("text/csv")
    public Response communitiesCsv(@PathParam("code") @Pattern(regexp = CODE) String code,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100000) int page) {
        Operations.DistrictView view = operations.district(year(year), code, page - 1);
        List<List<?>> rows = new ArrayList<>();
        for (Dashboard.CommunityLine l : view.lines()) {
            Finance.Allocation a = l.allocation();
            rows.add(List.of(l.community().code(), l.community().name(), l.community().kind(), l.community().stage(),
                    l.community().registeredHouseholds(), a == null ? "" : a.basis(),
                    a == null ? "" : Money.yuan(a.totalFen()).replace(",", ""),
                    a == null ? "" : Money.yuan(a.cityShareFen()).replace(",", ""),
                    a == null ? "" : Money.yuan(a.districtShareFen()).replace(",", "")));
        }
        return csv("communities-" + code + "-" + view.year() + "-p" + page + ".csv", Csv.of(List.of("community", "name", "kind",
                "stage", "households", "basis", "total_yuan", "city_share_yuan", "district_share_yuan"), rows));
    }

    @GET
    @Path("communities/{code}")
    public TemplateInstance community(@PathParam("code") @Pattern(regexp = CODE) String code) {
        Operations.CommunityView view = operations.community(code);
        List<String> categories = view.useByCategory().stream().map(u -> city().category(u.category())).toList();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(city().col_budget(), view.useByCategory().stream().map(u -> Dashboard.yuanWhole(u.budgetFen())).toList());
        series.put(city().col_paid(), view.useByCategory().stream().map(u -> Dashboard.yuanWhole(u.paidFen())).toList());
        return Templates.community(view, ChartJson.of(Dashboard.bars(categories, series, false, city().chart_unit_yuan())));
    }

    @GET
    @Path("communities/{code}/use.csv")
    @Produces("text/csv")
    public Response useCsv(@PathParam("code") @Pattern(regexp = CODE) String code) {
        Operations.CommunityView view = operations.community(code);
        List<List<?>> rows = new ArrayList<>();
        for (Dashboard.CategoryUse u : view.useByCategory()) {
            rows.add(List.of(u.category(), u.projects(), Money.yuan(u.budgetFen()).replace(",", ""),
                    Money.yuan(u.paidFen()).replace(",", "")));
        }
        return csv("fund-use-" + code + ".csv", Csv.of(List.of("category", "projects", "budget_yuan", "paid_yuan"), rows));
    }

    // --- fund policy (F2-F4) ---

    @GET
    @Path("fund-policy")
    public TemplateInstance policy(@QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("done") @Pattern(regexp = "[a-z]{1,20}") String done) {
        int y = year(year);
        return Templates.policy(operations.policy(y), y, null, done == null ? "" : done, me());
    }

    @POST
    @Path("fund-policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePolicy(@FormParam("year") @Min(2000) @Max(2100) int year, @FormParam("ruralFloor") String ruralFloor,
            @FormParam("urbanPer100") String urbanPer100, @FormParam("mainUrban") String mainUrban,
            @FormParam("nearSuburb") String nearSuburb, @FormParam("farSuburb") String farSuburb,
            @FormParam("reason") String reason) {
        var rural = Amounts.fen(ruralFloor);
        var urban = Amounts.fen(urbanPer100);
        Integer main = percent(mainUrban), near = percent(nearSuburb), far = percent(farSuburb);
        Refusal refusal;
        if (rural.isEmpty() || urban.isEmpty() || main == null || near == null || far == null) {
            refusal = Refusal.invalid(city().form_invalid_amount());
        } else if (reason == null || reason.isBlank() || reason.length() > 1000) {
            refusal = Refusal.invalid(city().form_reason_needed());
        } else {
            try {
                operations.changePolicy(year, new Finance.PolicyRequest(rural.get(), urban.get(), main, near, far, reason.trim()));
                return seeOther("/operator/fund-policy?year=" + year + "&done=policy");
            } catch (ServiceProblem problem) {
                refusal = Refusal.of(problem);
            }
        }
        return Response.status(refusal.status()).entity(Templates.policy(operations.policy(year), year, refusal, "", me())).build();
    }

    // --- settings of every service ---

    @GET
    @Path("settings")
    public TemplateInstance settings() {
        return Templates.settings(operations.settings());
    }

    @GET
    @Path("settings/{service}/{key}")
    public TemplateInstance setting(@PathParam("service") @Pattern(regexp = SERVICE) String service,
            @PathParam("key") @Pattern(regexp = KEY) String key, @QueryParam("done") @Pattern(regexp = "[a-z]{1,20}") String done) {
        return Templates.setting(operations.setting(service, key), null, done == null ? "" : done, me());
    }

    @POST
    @Path("settings/{service}/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeSetting(@PathParam("service") @Pattern(regexp = SERVICE) String service,
            @PathParam("key") @Pattern(regexp = KEY) String key, @FormParam("value") String value, @FormParam("reason") String reason) {
        Refusal refusal;
        if (value == null || value.isBlank() || value.length() > 1000) {
            refusal = Refusal.invalid(city().form_value_needed());
        } else if (reason == null || reason.isBlank() || reason.length() > 1000) {
            refusal = Refusal.invalid(city().form_reason_needed());
        } else {
            try {
                operations.changeSetting(service, key, value.trim(), reason.trim());
                return seeOther("/operator/settings/" + service + "/" + key + "?done=setting");
            } catch (ServiceProblem problem) {
                refusal = Refusal.of(problem);
            }
        }
        return Response.status(refusal.status()).entity(Templates.setting(operations.setting(service, key), refusal, "", me())).build();
    }

    /** The person id of the signed-in operator, only to say "you" beside their own changes; never shown. */
    String me() {
        String id = visitor.claim("preferred_username");
        return id == null ? "" : id;
    }

    static Integer percent(String s) {
        if (s == null || !s.trim().matches("\\d{1,3}")) {
            return null;
        }
        int p = Integer.parseInt(s.trim());
        return p <= 100 ? p : null;
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    static Response csv(String filename, String body) {
        return Response.ok("\uFEFF" + body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
