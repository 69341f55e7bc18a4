package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.CreateCouncilRequest;
import city.yingzao.deliberation.api.Requests.ElectionRequest;
import city.yingzao.deliberation.api.Requests.VacateRequest;
import city.yingzao.deliberation.api.Requests.ProposalRequest;
import city.yingzao.deliberation.api.Requests.MeetingRequest;
import city.yingzao.deliberation.application.CouncilService;
import city.yingzao.deliberation.application.MeetingService;
import city.yingzao.deliberation.application.Views.MeetingView;
import city.yingzao.deliberation.application.ProposalService;
import city.yingzao.deliberation.application.Views.ProposalView;
import city.yingzao.deliberation.application.Views.CouncilView;
import city.yingzao.deliberation.application.Views.ElectionView;
import city.yingzao.kernel.problem.Problems;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Councils 议事会 and what hangs off them: elections, constitution (D1-D3), seats, the proposals filed
 * for them (D4) and their meetings. Role here, scope and rules in the application.
 */
@Path("/api/councils")
@Tag(name = "Councils", description = "Councils 议事会 of communities, resident groups and courtyards; elections; constitution (D1-D3, D11)")
public class CouncilResource {

    @Inject
    CouncilService councils;

    @Inject
    ProposalService proposals;

    @Inject
    MeetingService meetings;

    @POST
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Create a council for a known community, resident group or courtyard")
    public Response create(@Valid @NotNull CreateCouncilRequest request) {
        CouncilView created = councils.create(request.toCommand());
        return Response.created(URI.create("/api/councils/" + created.id())).entity(created).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The councils of a community")
    public List<CouncilView> list(@QueryParam("community") String community) {
        if (community == null || community.isBlank()) {
            throw Problems.invalid("community", "name the community whose councils to list");
        }
        return councils.ofCommunity(community);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A council with its seats")
    public CouncilView get(@PathParam("id") UUID id) {
        return councils.get(id);
    }

    @POST
    @Path("{id}/elections")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Record an election (candidates, votes); those elected take seats (D1)")
    public Response election(@PathParam("id") UUID id, @Valid @NotNull ElectionRequest request) {
        ElectionView recorded = councils.recordElection(id, request.toCommand());
        return Response.created(URI.create("/api/councils/" + id + "/elections")).entity(recorded).build();
    }

    @GET
    @Path("{id}/elections")
    @Authenticated
    @Operation(summary = "The elections of a council")
    public List<ElectionView> elections(@PathParam("id") UUID id) {
        return councils.elections(id);
    }

    @POST
    @Path("{id}/constitute")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Constitute the council; 422 names every rule of D1, D2, D3 that does not hold")
    public CouncilView constitute(@PathParam("id") UUID id) {
        return councils.constitute(id);
    }

    @POST
    @Path("{id}/seats/{personId}/vacate")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "A member leaves the council; a constituted council must still satisfy D1-D3")
    public CouncilView vacate(@PathParam("id") UUID id, @PathParam("personId") String personId, @Valid @NotNull VacateRequest request) {
        return councils.vacate(id, personId, request.reason().trim());
    }

    @POST
    @Path("{id}/proposals")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF, Roles.COUNCIL_MEMBER, Roles.RESIDENT})
    @Operation(summary = "File a proposal: staff for the party organisation or committee (onBehalfOf), a member of this council, or a resident (then co-signatures)")
    public Response file(@PathParam("id") UUID councilId, @Valid @NotNull ProposalRequest request) {
        ProposalView filed = proposals.file(councilId, request.toCommand());
        return Response.created(URI.create("/api/proposals/" + filed.id())).entity(filed).build();
    }

    @GET
    @Path("{id}/proposals")
    @Authenticated
    @Operation(summary = "The proposals of a council")
    public List<ProposalView> list(@PathParam("id") UUID councilId) {
        return proposals.ofCouncil(councilId);
    }

    @POST
    @Path("{id}/meetings")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Schedule a meeting with approved proposals as agenda items and a neutral chair (D5, D10, D13)")
    public Response schedule(@PathParam("id") UUID councilId, @Valid @NotNull MeetingRequest request) {
        MeetingView meeting = meetings.schedule(councilId, request.toCommand());
        return Response.created(URI.create("/api/meetings/" + meeting.id())).entity(meeting).build();
    }

    @GET
    @Path("{id}/meetings")
    @Authenticated
    @Operation(summary = "The meetings of a council")
    public List<MeetingView> meetings(@PathParam("id") UUID councilId) {
        return meetings.ofCouncil(councilId);
    }
}
