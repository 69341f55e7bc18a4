package city.yingzao.finance.api;

import city.yingzao.finance.api.Requests.DonationRequest;
import city.yingzao.finance.api.Requests.GrantRequest;
import city.yingzao.finance.application.MicroFundService;
import city.yingzao.finance.application.MicroFundService.MovementView;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/communities/{code}/microfund")
@Tag(name = "Micro-funds", description = "Community micro-funds 社区公益微基金 (F9)")
public class MicroFundResource {

    @Inject
    MicroFundService microFunds;

    @POST
    @Path("donations")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Record a donation; the donor's name stays private, the ledger shows the donor type")
    public Response donate(@PathParam("code") String community, @Valid @NotNull DonationRequest r) {
        MovementView m = microFunds.donate(community, r.fundYear(), r.donorType(), r.donorName(), r.amountFen(), r.purpose());
        return Response.status(Response.Status.CREATED).entity(m).build();
    }

    @POST
    @Path("grants")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Grant from the micro-fund to an organisation, never more than it holds")
    public Response grant(@PathParam("code") String community, @Valid @NotNull GrantRequest r) {
        MovementView m = microFunds.grant(community, r.fundYear(), r.orgCode(), r.amountFen(), r.purpose());
        return Response.status(Response.Status.CREATED).entity(m).build();
    }
}
