package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.ReviewRequest;
import city.yingzao.deliberation.application.ProposalService;
import city.yingzao.deliberation.application.Views.ProposalView;
import city.yingzao.kernel.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A proposal's co-signatures (D4), review by the party organisation (D5, D10) and reading it. */
@Path("/api/proposals")
@Tag(name = "Proposals", description = "Proposals 议题, co-signatures and party review (D4, D5, D10)")
public class ProposalResource {

    @Inject
    ProposalService proposals;

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A proposal, with its co-signers and the reviewer's reason")
    public ProposalView get(@PathParam("id") UUID id) {
        return proposals.get(id);
    }

    @POST
    @Path("{id}/signatures")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Co-sign a residents' proposal (once per resident; signing again changes nothing)")
    public Response coSign(@PathParam("id") UUID id) {
        ProposalService.Outcome outcome = proposals.coSign(id);
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.proposal()).build();
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.PARTY_REVIEWER)
    @Operation(summary = "Approve (agenda item) or reject with a reason (D5); never a proposal you filed or signed (D10)")
    public ProposalView review(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        return proposals.review(id, request.toCommand());
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({Roles.RESIDENT, Roles.COUNCIL_MEMBER, Roles.COMMUNITY_STAFF, Roles.CITY_OPERATOR})
    @Operation(summary = "Withdraw a proposal before it is scheduled (whoever filed it, or the community's staff), with a reason")
    public ProposalView withdraw(@PathParam("id") UUID id, @Valid @NotNull Requests.ReasonRequest request) {
        return proposals.withdraw(id, request.reason());
    }
}
