package city.yingzao.grants.api;

import city.yingzao.grants.api.Requests.ApplicationRequest;
import city.yingzao.grants.api.Requests.AwardRequest;
import city.yingzao.grants.application.ApplicationService;
import city.yingzao.grants.application.AwardService;
import city.yingzao.grants.application.CallService;
import city.yingzao.grants.application.ReviewService;
import city.yingzao.grants.domain.AwardDecision;
import city.yingzao.grants.domain.Conflict;
import city.yingzao.grants.domain.GrantCall;
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

import java.util.List;

@Path("/api/calls")
@Tag(name = "Calls", description = "Calls, applications to them, conflicts, assignment, ranking and awards (G1-G3)")
public class CallResource {

    @Inject
    CallService calls;

    @Inject
    ApplicationService applications;

    @Inject
    ReviewService reviews;

    @Inject
    AwardService awards;

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR, Roles.AGENCY, Roles.REVIEWER, Roles.SUPERVISOR})
    public List<GrantCall> list(@QueryParam("status") GrantCall.Status status) {
        return calls.calls(status);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR, Roles.AGENCY, Roles.REVIEWER, Roles.SUPERVISOR})
    public GrantCall get(@PathParam("id") String id) {
        return calls.call(id);
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Close submissions and start the review")
    public GrantCall startReview(@PathParam("id") String id) {
        return calls.startReview(id);
    }

    @POST
    @Path("{id}/applications")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Save a draft application for the organisation of the agency's org claim")
    public Response draft(@PathParam("id") String id, @Valid @NotNull ApplicationRequest r) {
        return Response.status(Response.Status.CREATED).entity(applications.createDraft(id, r.toDraft())).build();
    }

    @GET
    @Path("{id}/conflicts")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Every computed and declared conflict of the call: HARD and DECLARED exclude, SOFT warns")
    public List<Conflict> conflicts(@PathParam("id") String id) {
        return reviews.conflicts(id);
    }

    @POST
    @Path("{id}/assignments/auto")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Assign N reviewers per application, balancing workload, never a conflicted reviewer")
    public ReviewService.AssignmentReport assign(@PathParam("id") String id) {
        return reviews.autoAssign(id);
    }

    @GET
    @Path("{id}/ranking")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Raw and normalised scores, disagreement, the ranking and the greedy award proposal")
    public AwardService.RankingView ranking(@PathParam("id") String id) {
        return awards.ranking(id);
    }

    @POST
    @Path("{id}/awards")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Confirm the awards; every departure from the proposal needs a reason")
    public AwardService.Confirmation confirm(@PathParam("id") String id, @Valid @NotNull AwardRequest r) {
        return awards.confirm(id, r.awarded(), r.reasons());
    }

    @GET
    @Path("{id}/awards")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    public List<AwardDecision> decisions(@PathParam("id") String id) {
        return awards.decisions(id);
    }
}
