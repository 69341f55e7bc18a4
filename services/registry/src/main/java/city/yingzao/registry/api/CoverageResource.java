package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.application.CoverageService;
import city.yingzao.registry.application.CoverageService.CoverageView;
import city.yingzao.registry.application.CoverageService.DistrictCoverage;
import city.yingzao.registry.application.DistrictService;
import city.yingzao.registry.application.PageRequest;
import city.yingzao.registry.application.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/coverage")
@Tag(name = "Coverage", description = "How far community building has spread (P2)")
public class CoverageResource {

    @Inject
    CoverageService coverage;

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Share of communities running a community-building action, against the target")
    public CoverageView get(@QueryParam("district") String district) {
        return coverage.coverage(district);
    }

    @GET
    @Path("districts")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Each district's coverage, a page of districts by code: the city dashboard's lines in one request")
    public PageView<DistrictCoverage> byDistrict(@QueryParam("page") String page, @QueryParam("size") String size) {
        return coverage.byDistrict(PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                "code", DistrictService.SORTS));
    }
}
