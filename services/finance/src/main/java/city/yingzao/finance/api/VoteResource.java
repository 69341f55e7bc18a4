package city.yingzao.finance.api;

import city.yingzao.finance.api.Requests.BallotRequest;
import city.yingzao.finance.api.Requests.PaperBallotRequest;
import city.yingzao.finance.api.Requests.VoidRequest;
import city.yingzao.finance.application.VoteService.HouseholdBallot;
import city.yingzao.finance.application.VoteService.PaperEntries;
import city.yingzao.finance.application.VoteService.VoidedView;
import city.yingzao.finance.api.Requests.PaperBallotStackRequest;
import city.yingzao.finance.api.Requests.RoundRequest;
import city.yingzao.finance.application.PaperStackResult;
import city.yingzao.finance.application.VoteIntake.Receipt;
import city.yingzao.finance.application.VoteService;
import city.yingzao.finance.application.VoteService.RoundView;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.concurrent.CompletionStage;

@Path("/api/communities/{code}/vote-rounds")
@Tag(name = "Household votes", description = "One household, one vote 一户一票 (F7): approval ballots, online or paper")
public class VoteResource {

    @Inject
    VoteService votes;

    @POST
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Open a round over candidate projects at step 1")
    public Response open(@PathParam("code") String community, @Valid @NotNull RoundRequest request) {
        RoundView round = votes.open(community, request.title(), request.projectIds(), request.closesAt());
        return Response.created(URI.create("/api/public/communities/" + community + "/vote-rounds/" + round.id()))
                .entity(round).build();
    }

    @POST
    @Path("{round}/close")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Close the round; its result is final")
    public RoundView close(@PathParam("code") String community, @PathParam("round") String round) {
        return votes.close(community, round);
    }

    /** Non-blocking: the answer comes after the intake's batch commits. */
    @POST
    @Path("{round}/ballots")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Vote online for the household of your token: approve any subset of the candidates")
    public CompletionStage<Response> castOnline(@PathParam("code") String community, @PathParam("round") String round,
            @Valid @NotNull BallotRequest request) {
        return votes.castOnline(community, round, request.approvals()).thenApply(VoteResource::created);
    }

    @POST
    @Path("{round}/paper-ballots")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Enter a paper ballot for a household of the community")
    public CompletionStage<Response> castPaper(@PathParam("code") String community, @PathParam("round") String round,
            @Valid @NotNull PaperBallotRequest request) {
        return votes.castPaper(community, round, request.householdCode(), request.sheet(), request.approvals())
                .thenApply(VoteResource::created);
    }

    /** Non-blocking; 200 with one answer per ballot, in order: one bad line does not sink the stack. */
    @POST
    @Path("{round}/paper-ballots/batch")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Enter a stack of paper ballots after a paper count (at most yingzao.finance.votes.batch-max); "
            + "each is recorded or refused with its reason")
    public CompletionStage<PaperStackResult> castPaperStack(@PathParam("code") String community, @PathParam("round") String round,
            @Valid @NotNull PaperBallotStackRequest request) {
        return votes.castPaperStack(community, round, request.ballots().stream().map(l -> l.toLine(request.sheet())).toList());
    }

    @GET
    @Path("{round}/paper-ballots")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "The round's paper entries: sheet, household, time, who entered it, voided (by whom, when, why); no choices")
    public PaperEntries paperEntries(@PathParam("code") String community, @PathParam("round") String round,
            @QueryParam("offset") Integer offset, @QueryParam("size") Integer size) {
        return votes.paperEntries(community, round, offset, size);
    }

    @POST
    @Path("{round}/paper-ballots/{household}/void")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Void a paper entry made in error, with a reason, while the round is open; a second person, "
            + "not the one who entered it (F7); the household may then be entered again")
    public VoidedView voidPaper(@PathParam("code") String community, @PathParam("round") String round,
            @PathParam("household") String household, @Valid @NotNull VoidRequest request) {
        return votes.voidPaper(community, round, household, request.reason());
    }

    @GET
    @Path("{round}/my-ballot")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Whether and how the ballot of your token's household was recorded: channel, time, sheet, "
            + "voided or not, your own approvals (NOT_RECORDED when nothing is)")
    public HouseholdBallot householdBallot(@PathParam("code") String community, @PathParam("round") String round) {
        return votes.householdBallot(community, round);
    }

    private static Response created(Receipt receipt) {
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}
