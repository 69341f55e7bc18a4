package city.yingzao.evaluation.api;

import city.yingzao.evaluation.application.AppealService;
import city.yingzao.evaluation.application.AssignmentService;
import city.yingzao.evaluation.application.EvaluationService;
import city.yingzao.evaluation.application.ResultService;
import city.yingzao.evaluation.application.Views.AssignmentView;
import city.yingzao.evaluation.application.Views.EvaluationView;
import city.yingzao.evaluation.application.Views.EvaluatorView;
import city.yingzao.evaluation.application.Views.GradeCounts;
import city.yingzao.evaluation.application.Views.ResultsView;
import city.yingzao.evaluation.domain.Framework;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api")
@Tag(name = "Evaluations", description = "Evaluations of projects, evaluators, moderation, release, feedback and appeal (E2-E6)")
public class EvaluationResource {


    @Inject
    EvaluationService evaluations;

    @Inject
    AssignmentService assignments;

    @Inject
    ResultService results;

    @Inject
    AppealService appeals;

    @POST
    @Path("evaluations")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Open an evaluation on demand (e.g. a finance project at step 8); 409 when the project has one of that kind")
    public Response create(@Valid @NotNull Requests.EvaluationRequest request) {
        EvaluationView created = evaluations.create(request.toOnDemand());
        return Response.created(URI.create("/api/evaluations/" + created.id())).entity(created).build();
    }

    @GET
    @Path("evaluations")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.AGENCY})
    @Operation(summary = "Evaluations the caller may see: operators all, supervisors those with sheets to moderate, evaluators their assignments, an agency its own")
    public List<EvaluationView> list(@QueryParam("call") @Pattern(regexp = Requests.CODE) String call,
            @QueryParam("status") @Pattern(regexp = "[A-Z_]{1,16}") String status,
            @QueryParam("organisation") @Pattern(regexp = Requests.CODE) String organisation,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return evaluations.list(call, status, organisation, limit);
    }

    @GET
    @Path("evaluations/grades")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "How many of the city's evaluations hold a released result, per grade (the operators' dashboard): counted whole, never a page")
    public GradeCounts grades() {
        return evaluations.gradeCounts();
    }

    @GET
    @Path("evaluations/{id}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.AGENCY})
    @Operation(summary = "One evaluation; the result only once released")
    public EvaluationView get(@PathParam("id") String id) {
        return evaluations.get(id);
    }

    @GET
    @Path("evaluations/{id}/framework")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.AGENCY})
    @Operation(summary = "The framework version it is scored against; to the organisation from the project's first day (E4)")
    public Framework framework(@PathParam("id") String id) {
        return evaluations.framework(id);
    }

    @POST
    @Path("evaluations/{id}/cancel")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Cancel an open evaluation with a reason; offline sheets sent afterwards get 409 naming it")
    public EvaluationView cancel(@PathParam("id") String id, @Valid @NotNull Requests.CancelRequest request) {
        return evaluations.cancel(id, request.reason());
    }

    @GET
    @Path("evaluators")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The pool: everyone with a current participatory evaluator certificate, with open assignments (E2)")
    public List<EvaluatorView> pool() {
        return assignments.pool();
    }

    @GET
    @Path("evaluations/{id}/assignments")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Assignments, active and removed")
    public List<AssignmentView> assignments(@PathParam("id") String id) {
        return assignments.assignments(id);
    }

    @GET
    @Path("evaluations/{id}/assignments/changes")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The audit of assignment changes: who, when, what, why")
    public List<city.yingzao.evaluation.application.Views.AssignmentChangeView> changes(@PathParam("id") String id) {
        return assignments.history(id);
    }

    @POST
    @Path("evaluations/{id}/assignments")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Assign an evaluator: refused (422 E2) without a certificate current until the window and appeal end, (422 E3) on a conflict")
    public EvaluationView assign(@PathParam("id") String id, @Valid @NotNull Requests.AssignRequest request) {
        return assignments.assign(id, request.evaluatorId(), request.reason());
    }

    @POST
    @Path("evaluations/{id}/assignments/auto")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Fill up to the evaluation's number of evaluators with the least-loaded eligible ones")
    public EvaluationView autoAssign(@PathParam("id") String id) {
        return assignments.autoAssign(id);
    }

    @POST
    @Path("evaluations/{id}/assignments/{evaluator}/remove")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Remove an evaluator with a reason (audited); their sheet no longer counts")
    public EvaluationView remove(@PathParam("id") String id, @PathParam("evaluator") String evaluator,
            @Valid @NotNull Requests.RemoveRequest request) {
        return assignments.remove(id, evaluator, request.reason());
    }

    @GET
    @Path("evaluations/{id}/results")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.AGENCY})
    @Operation(summary = "Scores per sheet and per evaluation, flags, moderation notes, revisions, responses, appeal; to the organisation after release")
    public ResultsView results(@PathParam("id") String id) {
        return results.results(id);
    }

    @POST
    @Path("evaluations/{id}/moderation")
    @RolesAllowed({Roles.SUPERVISOR, Roles.CITY_OPERATOR})
    @Operation(summary = "Record a moderation note (a supervisor or the city operator, not one of its evaluators)")
    public ResultsView moderate(@PathParam("id") String id, @Valid @NotNull Requests.NoteRequest request) {
        return results.moderate(id, request.note());
    }

    @POST
    @Path("evaluations/{id}/release")
    @RolesAllowed({Roles.SUPERVISOR, Roles.CITY_OPERATOR})
    @Operation(summary = "Release the result (422 E6 while sheets are missing or a flagged evaluation has no moderation note)")
    public ResultsView release(@PathParam("id") String id) {
        return results.release(id);
    }

    @POST
    @Path("evaluations/{id}/response")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "The organisation answers the released result, within the appeal window (E5)")
    public ResultsView respond(@PathParam("id") String id, @Valid @NotNull Requests.ResponseRequest request) {
        return appeals.respond(id, request.text());
    }

    @POST
    @Path("evaluations/{id}/appeal")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "The organisation appeals within the window; the result is held until decided (E5)")
    public ResultsView appeal(@PathParam("id") String id, @Valid @NotNull Requests.AppealRequest request) {
        return appeals.appeal(id, request.reason());
    }

    @POST
    @Path("evaluations/{id}/appeal/decision")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Decide the appeal with a reason: dismissed, the result is final; upheld, the evaluators re-score")
    public ResultsView decide(@PathParam("id") String id, @Valid @NotNull Requests.DecisionRequest request) {
        return appeals.decide(id, request.upheld(), request.reason());
    }
}
