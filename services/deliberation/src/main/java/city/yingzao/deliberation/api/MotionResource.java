package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.CredentialRequest;
import city.yingzao.deliberation.api.Requests.MotionRequest;
import city.yingzao.deliberation.application.BallotService;
import city.yingzao.deliberation.application.DebateService;
import city.yingzao.deliberation.application.Views.BallotBoxView;
import city.yingzao.deliberation.application.Views.CredentialView;
import city.yingzao.deliberation.application.Views.MotionView;
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

/**
 * A motion or amendment: amending it, putting it to the secret ballot, credentials for present
 * members, closing the vote (D7, D8, D13). Casting is {@link BallotResource}, without a login.
 */
@Path("/api/motions/{id}")
@Tag(name = "Motions and secret ballots", description = "Amendments, votes by blind-signature ballot (D7, D8, D13)")
public class MotionResource {

    @Inject
    DebateService debate;

    @Inject
    BallotService ballots;

    @GET
    @Authenticated
    @Operation(summary = "A motion or amendment, with its result once decided")
    public MotionView get(@PathParam("id") UUID id) {
        return debate.get(id);
    }

    @POST
    @Path("amendments")
    @RolesAllowed(Roles.COUNCIL_MEMBER)
    @Operation(summary = "Member: move an amendment (its full amended wording); it is voted before the motion")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull MotionRequest request) {
        MotionView amendment = debate.amend(id, request.toCommand());
        return Response.created(java.net.URI.create("/api/motions/" + amendment.id())).entity(amendment).build();
    }

    @POST
    @Path("vote")
    @Authenticated
    @Operation(summary = "Chair: put the question to a secret ballot; the box issues credentials; answers its RFC 9474 variant and public key (publicKeySpki)")
    public BallotBoxView vote(@PathParam("id") UUID id) {
        return debate.putToVote(id);
    }

    @GET
    @Path("ballot-box")
    @Authenticated
    @Operation(summary = "The ballot box: phase, public key, credentials issued and who took none; once closed the tally and the list of ballots")
    public BallotBoxView box(@PathParam("id") UUID id) {
        return ballots.get(id);
    }

    @POST
    @Path("credentials")
    @RolesAllowed(Roles.COUNCIL_MEMBER)
    @Operation(summary = "Present member, while the box is issuing: RFC 9474 BlindSign of your blinded message (blindedMsg), once per motion")
    public CredentialView credential(@PathParam("id") UUID id, @Valid @NotNull CredentialRequest request) {
        return ballots.issue(id, request.toCommand());
    }

    @POST
    @Path("close-issuance")
    @Authenticated
    @Operation(summary = "Chair: close the issuance of credentials (D8); the box's private key is destroyed and casting opens")
    public BallotBoxView closeIssuance(@PathParam("id") UUID id) {
        return ballots.closeIssuance(id);
    }

    @POST
    @Path("close-vote")
    @Authenticated
    @Operation(summary = "Chair: close the ballot (after the casting phase), count, decide (D7); publishes the resolution or the rejection")
    public MotionView closeVote(@PathParam("id") UUID id) {
        return debate.closeVote(id);
    }
}
