package city.yingzao.deliberation.api;

import city.yingzao.deliberation.application.BallotService;
import city.yingzao.deliberation.application.ChecklistService;
import city.yingzao.deliberation.application.ConventionService;
import city.yingzao.deliberation.application.MeetingService;
import city.yingzao.deliberation.application.Minutes;
import city.yingzao.deliberation.application.ResolutionService;
import city.yingzao.deliberation.application.Views.ChecklistView;
import city.yingzao.deliberation.application.Views.ConventionView;
import city.yingzao.deliberation.application.Views.PublicTally;
import city.yingzao.deliberation.application.Views.ResolutionView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * What anyone may read without signing in: resolutions, published minutes, the tally and list of
 * ballots (receipt, choice) of a closed vote, conventions, courtyard checklists. Never who took a
 * credential, and nothing that links a ballot to a member.
 */
@Path("/api/public")
@PermitAll
@Tag(name = "Public", description = "Disclosure: resolutions, published minutes, conventions, courtyard checklists")
public class PublicResource {

    @Inject
    ResolutionService resolutions;

    @Inject
    MeetingService meetings;

    @Inject
    ConventionService conventions;

    @Inject
    BallotService ballots;

    @Inject
    ChecklistService checklists;

    @GET
    @Path("resolutions")
    @Operation(summary = "Resolutions of a community, in publicity or adopted, newest first, a page at a time "
            + "(page from 0, size 1..200, default 50; X-Total-Count has the total)")
    public jakarta.ws.rs.core.Response resolutions(@QueryParam("community") String community,
            @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @jakarta.validation.constraints.Min(0) int page,
            @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(200) int size) {
        if (community == null || community.isBlank()) {
            throw city.yingzao.kernel.problem.Problems.invalid("community", "name the community");
        }
        List<ResolutionView> items = resolutions.publicList(community, page, size);
        return jakarta.ws.rs.core.Response.ok(items).header("X-Total-Count", resolutions.publicCount(community)).build();
    }

    @GET
    @Path("resolutions/{id}")
    @Operation(summary = "A resolution, with objections (without who filed them) and their answers")
    public ResolutionView resolution(@PathParam("id") UUID id) {
        return resolutions.publicView(id);
    }

    @GET
    @Path("meetings/{id}/minutes")
    @Operation(summary = "Published minutes of a meeting")
    public Minutes.MinutesView minutes(@PathParam("id") UUID id) {
        return meetings.publishedMinutes(id);
    }

    @GET
    @Path("motions/{id}/ballots")
    @Operation(summary = "D8: the verifiable tally of a closed secret ballot: counts and every ballot (receipt, choice), to recount")
    public PublicTally ballots(@PathParam("id") UUID id) {
        return ballots.publicTally(id);
    }

    @GET
    @Path("communities/{code}/conventions")
    @Operation(summary = "Conventions of a community with their versions")
    public List<ConventionView> conventions(@PathParam("code") String code) {
        return conventions.ofCommunity(code);
    }

    @GET
    @Path("conventions/{id}")
    @Operation(summary = "A convention with its versions")
    public ConventionView convention(@PathParam("id") UUID id) {
        return conventions.get(id);
    }

    @GET
    @Path("communities/{code}/courtyard-checklists")
    @Operation(summary = "三有一公开 checklists of a community's courtyards")
    public List<ChecklistView> checklists(@PathParam("code") String code) {
        return checklists.ofCommunity(code);
    }
}
