package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.BallotRequest;
import city.yingzao.deliberation.application.BallotService;
import city.yingzao.deliberation.application.Views.BallotReceipt;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * D8: casting is anonymous. This endpoint requires no token and never reads one (authentication is
 * lazy in this service, so an Authorization header sent here is not even parsed); what proves the
 * right to vote is the ballot box's RSASSA-PSS signature (obtained blind, RFC 9474) on the prepared message.
 */
@Path("/api/ballots")
@Tag(name = "Motions and secret ballots")
public class BallotResource {

    @Inject
    BallotService ballots;

    @POST
    @PermitAll
    @Operation(summary = "Cast a ballot anonymously with a finalized credential (preparedMsg, RSASSA-PSS signature); answers the ballot id (keep it: your receipt)")
    public Response cast(@Valid @NotNull BallotRequest request) {
        BallotReceipt receipt = ballots.cast(request.toCommand());
        return Response.status(201).entity(receipt).build();
    }
}
