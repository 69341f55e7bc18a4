package city.yingzao.finance.api;

import city.yingzao.finance.api.Requests.AllocationRunRequest;
import city.yingzao.finance.application.AllocationQueries;
import city.yingzao.finance.application.AllocationQueries.AllocationPage;
import city.yingzao.finance.application.AllocationQueries.DistrictAllocations;
import city.yingzao.finance.application.AllocationService;
import city.yingzao.finance.application.AllocationService.RunReport;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/allocations")
@Tag(name = "Allocations", description = "The annual allocation run and its results (F1-F4)")
public class AllocationResource {

    @Inject
    AllocationService runs;

    @Inject
    AllocationQueries queries;

    @POST
    @Path("runs")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Allocate a fund year to every community not allocated yet; idempotent")
    public RunReport run(@Valid @NotNull AllocationRunRequest request) {
        return runs.run(request.fundYear());
    }

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "A year's allocations with totals, paged by community code (a district operator: own district)")
    public AllocationPage list(@QueryParam("year") @NotNull Integer year, @QueryParam("district") String district,
            @QueryParam("after") String after, @QueryParam("size") Integer size) {
        return queries.list(year, district, after, size);
    }

    @GET
    @Path("districts")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "A year's allocations per district with their totals: the city dashboard's lines in one request")
    public DistrictAllocations byDistrict(@QueryParam("year") @NotNull Integer year) {
        return queries.byDistrict(year);
    }
}
