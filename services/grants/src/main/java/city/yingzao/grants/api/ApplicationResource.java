package city.yingzao.grants.api;

import city.yingzao.grants.api.Requests.ApplicationRequest;
import city.yingzao.grants.api.Requests.AssignRequest;
import city.yingzao.grants.api.Requests.OptionalReasonRequest;
import city.yingzao.grants.api.Requests.ReasonRequest;
import city.yingzao.grants.api.Requests.ReviewRequest;
import city.yingzao.grants.application.ApplicationService;
import city.yingzao.grants.application.ReviewService;
import city.yingzao.grants.domain.AssignmentChange;
import city.yingzao.grants.domain.Conflict;
import city.yingzao.grants.domain.GrantApplication;
import city.yingzao.grants.domain.Review;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/applications")
@Tag(name = "Applications", description = "Drafts, submission with eligibility, withdrawal, declared conflicts, assignments, reviews (G2, G3)")
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @Inject
    ReviewService reviews;

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.AGENCY})
    @Operation(summary = "Applications: an agency's own organisation's, all for operators and auditors")
    public List<GrantApplication> list(@QueryParam("call") String call) {
        return applications.list(call);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR, Roles.AGENCY, Roles.REVIEWER})
    @Operation(summary = "An application with its timeline: its agency, its assigned unconflicted reviewers, operators")
    public ApplicationService.ApplicationView get(@PathParam("id") String id) {
        return applications.view(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.AGENCY)
    public GrantApplication edit(@PathParam("id") String id, @Valid @NotNull ApplicationRequest r) {
        return applications.updateDraft(id, r.toDraft());
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Submit: eligibility is checked and every failed condition named (422 rule:G2)")
    public GrantApplication submit(@PathParam("id") String id) {
        return applications.submit(id);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.AGENCY)
    public GrantApplication withdraw(@PathParam("id") String id, @Valid @Nullable @RequestBody(required = false) OptionalReasonRequest r) {
        return applications.withdraw(id, r == null ? null : r.reason());
    }

    @POST
    @Path("{id}/conflicts")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Declare a conflict of interest with a reason: never assigned to it again")
    public List<Conflict> declare(@PathParam("id") String id, @Valid @NotNull ReasonRequest r) {
        return reviews.declare(id, r.reason());
    }

    @POST
    @Path("{id}/assignments")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Assign a reviewer by hand (audited); a conflicted one is refused (422 rule:G3)")
    public List<String> assign(@PathParam("id") String id, @Valid @NotNull AssignRequest r) {
        return reviews.addAssignment(id, r.personId(), r.reason());
    }

    @DELETE
    @Path("{id}/assignments/{person}")
    @RolesAllowed(Roles.CITY_OPERATOR)
    public List<String> unassign(@PathParam("id") String id, @PathParam("person") @Size(max = 128) String person,
            @QueryParam("reason") @NotBlank @Size(max = 2000) String reason) {
        return reviews.removeAssignment(id, person, reason);
    }

    @GET
    @Path("{id}/assignments/changes")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    public List<AssignmentChange> changes(@PathParam("id") String id) {
        return reviews.assignmentChanges(id);
    }

    @PUT
    @Path("{id}/reviews/mine")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Score every criterion on the call's scale, with comments")
    public Review review(@PathParam("id") String id, @Valid @NotNull ReviewRequest r) {
        return reviews.review(id, r.scores(), r.comments());
    }
}
