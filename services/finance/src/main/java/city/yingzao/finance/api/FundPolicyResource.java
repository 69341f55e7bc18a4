package city.yingzao.finance.api;

import city.yingzao.finance.api.Requests.PolicyRequest;
import city.yingzao.finance.application.FundPolicyService;
import city.yingzao.finance.application.FundPolicyService.PolicyView;
import city.yingzao.kernel.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/fund-policies/{year}")
@Tag(name = "Fund policies", description = "Rural floor, urban rate per 100 households, city share per tier (F2-F4)")
public class FundPolicyResource {

    @Inject
    FundPolicyService policies;

    @GET
    @Authenticated
    @Operation(summary = "The year's fund policy (the configured defaults until set or frozen by a run)")
    public PolicyView get(@PathParam("year") int year) {
        return policies.view(year);
    }

    @PUT
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Change the year's fund policy, with a reason; audited; refused once the year is allocated")
    public PolicyView change(@PathParam("year") int year, @Valid @NotNull PolicyRequest request) {
        return policies.change(year, request.toChange());
    }

    @GET
    @Path("changes")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Every change of the year's policy: who, when, old, new, why; newest first")
    public List<FundPolicyService.ChangeView> changes(@PathParam("year") int year) {
        return policies.history(year);
    }
}
