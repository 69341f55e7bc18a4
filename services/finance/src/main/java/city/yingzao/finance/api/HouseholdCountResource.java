package city.yingzao.finance.api;

import city.yingzao.finance.api.Requests.HouseholdCountRequest;
import city.yingzao.finance.application.HouseholdCountService;
import city.yingzao.finance.application.HouseholdCountService.CommunityCounts;
import city.yingzao.finance.application.HouseholdCountService.DistrictDifferences;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Tag(name = "Household counts", description = "F3: the household count an allocation uses, declared (audited) or the registry's, "
        + "beside the households the registry lists")
public class HouseholdCountResource {

    @Inject
    HouseholdCountService counts;

    @PUT
    @Path("communities/{code}/household-counts/{year}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "Declare the household count of a community for a fund year, with a reason (the city, or the "
            + "community's district operator; history kept; 409 once the year is allocated for the community)")
    public CommunityCounts declare(@PathParam("code") String community, @PathParam("year") int year,
            @Valid @NotNull HouseholdCountRequest request) {
        return counts.declare(community, year, request.households(), request.reason());
    }

    @GET
    @Path("communities/{code}/household-counts/{year}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "A community's count in force (declared or the registry's), the households listed in the registry "
            + "replica, their difference, what the allocation used, and the declarations")
    public CommunityCounts find(@PathParam("code") String community, @PathParam("year") int year) {
        return counts.find(community, year);
    }

    @GET
    @Path("household-counts")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "The communities of a district whose count in force differs from the households the registry lists "
            + "(a district operator: own district by default)")
    public DistrictDifferences district(@QueryParam("year") @NotNull Integer year, @QueryParam("district") String district) {
        return counts.district(year, district);
    }
}
