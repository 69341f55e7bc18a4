package city.yingzao.finance.api;

import city.yingzao.finance.api.Requests.EndingRequest;
import city.yingzao.finance.api.Requests.HearingRequest;
import city.yingzao.finance.api.Requests.PaymentRequest;
import city.yingzao.finance.api.Requests.ProjectRequest;
import city.yingzao.finance.api.Requests.ReversalRequest;
import city.yingzao.finance.api.Requests.StepRequest;
import city.yingzao.finance.application.ProjectService;
import city.yingzao.finance.application.ProjectService.PaymentView;
import city.yingzao.finance.application.ProjectService.ProjectView;
import city.yingzao.finance.application.ProjectService.ReversalView;
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

import java.net.URI;

@Path("/api")
@Tag(name = "Projects", description = "Fund-use projects through the nine steps (F5, F6)")
public class ProjectResource {

    @Inject
    ProjectService projects;

    @POST
    @Path("communities/{code}/projects")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Propose a project (step 1); category from F5, the negative list refused")
    public Response create(@PathParam("code") String community, @Valid @NotNull ProjectRequest request) {
        ProjectView created = projects.create(community, request.toProject());
        return Response.created(URI.create("/api/projects/" + created.id())).entity(created).build();
    }

    @GET
    @Path("projects/{id}")
    @Authenticated
    @Operation(summary = "A project with its steps and the council's decisions")
    public ProjectView get(@PathParam("id") String id) {
        return projects.find(id);
    }

    @POST
    @Path("projects/{id}/steps")
    @RolesAllowed({Roles.COMMUNITY_STAFF, Roles.SUPERVISOR})
    @Operation(summary = "Advance the project to the next step when its gate holds (F6)")
    public ProjectView advance(@PathParam("id") String id, @Valid @NotNull StepRequest request) {
        return projects.advance(id, request.step(), request.note());
    }

    @POST
    @Path("projects/{id}/withdrawal")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "F6: withdraw the project (before implementation, nothing paid), with a reason")
    public ProjectView withdraw(@PathParam("id") String id, @Valid @NotNull EndingRequest request) {
        return projects.end(id, city.yingzao.finance.domain.ProjectEnding.WITHDRAWN, request.reason());
    }

    @POST
    @Path("projects/{id}/rejection")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "F6: end the project as rejected after the council's motion on it failed, with a reason")
    public ProjectView reject(@PathParam("id") String id, @Valid @NotNull EndingRequest request) {
        return projects.end(id, city.yingzao.finance.domain.ProjectEnding.REJECTED, request.reason());
    }

    @POST
    @Path("projects/{id}/hearing")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Record the hearing of affected residents (at step 4; the gate of step 5)")
    public ProjectView hearing(@PathParam("id") String id, @Valid @NotNull HearingRequest request) {
        return projects.recordHearing(id, request.summary(), request.attendees());
    }

    @POST
    @Path("projects/{id}/payments")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "Pay against the project from the community's account (step 6; within budget and balance)")
    public PaymentView pay(@PathParam("id") String id, @Valid @NotNull PaymentRequest request) {
        return projects.pay(id, request.toOrder());
    }

    @POST
    @Path("projects/{id}/payments/{entry}/reversal")
    @RolesAllowed(Roles.COMMUNITY_STAFF)
    @Operation(summary = "F8: reverse a payment made in error by a reversing entry naming it, with a reason (a second person, once)")
    public ReversalView reverse(@PathParam("id") String id, @PathParam("entry") String entry,
            @Valid @NotNull ReversalRequest request) {
        return projects.reverse(id, entry, request.reason());
    }
}
