package city.yingzao.evaluation.api;

import city.yingzao.evaluation.application.ResultService;
import city.yingzao.evaluation.application.SheetService;
import city.yingzao.evaluation.application.Views.OfflinePackage;
import city.yingzao.evaluation.application.Views.ResultsView;
import city.yingzao.evaluation.application.Views.SheetView;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/evaluations/{id}/sheets/{evaluator}")
@Tag(name = "Scoresheets", description = "On-site scoring, online or offline (E5); only the evaluator's own sheet")
public class SheetResource {

    @Inject
    SheetService sheets;

    @Inject
    ResultService results;

    @GET
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "The evaluator's sheet")
    public SheetView get(@PathParam("id") String id, @PathParam("evaluator") String evaluator) {
        return sheets.mine(id, evaluator);
    }

    @GET
    @Path("offline")
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Download for offline scoring: the sheet (its revision), the evaluation and the whole framework")
    public OfflinePackage offline(@PathParam("id") String id, @PathParam("evaluator") String evaluator) {
        return sheets.download(id, evaluator);
    }

    @PUT
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Save a draft (any levels so far); 409 when the sheet changed since baseRevision")
    public SheetView save(@PathParam("id") String id, @PathParam("evaluator") String evaluator,
            @Valid @NotNull Requests.SheetRequest request) {
        return sheets.saveDraft(id, evaluator, request.toInput());
    }

    @POST
    @Path("submit")
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Submit the sheet whole, then locked: online, or an offline batch with clientId and client timestamps "
            + "(201; a retry of the same clientId 200 with the same sheet; 409 naming what changed on the server)")
    public Response submit(@PathParam("id") String id, @PathParam("evaluator") String evaluator,
            @Valid @NotNull Requests.SheetRequest request) {
        SheetService.Submitted submitted = sheets.submit(id, evaluator, request.toInput());
        return Response.status(submitted.replayed() ? 200 : 201).entity(submitted.sheet()).build();
    }

    @POST
    @Path("revisions")
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Revise submitted levels after a moderation note or an upheld appeal, with a reason (audited)")
    public ResultsView revise(@PathParam("id") String id, @PathParam("evaluator") String evaluator,
            @Valid @NotNull Requests.RevisionRequest request) {
        return results.revise(id, evaluator, request.toRevisions(), request.reason());
    }
}
