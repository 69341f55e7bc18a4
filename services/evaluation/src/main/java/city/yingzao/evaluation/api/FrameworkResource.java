package city.yingzao.evaluation.api;

import city.yingzao.evaluation.application.FrameworkService;
import city.yingzao.evaluation.application.FrameworkService.ImportResult;
import city.yingzao.evaluation.domain.Framework;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/frameworks")
@Tag(name = "Frameworks", description = "Evaluation framework versions: 6 domains, 53 indicators, anchors 0-4 (E1)")
public class FrameworkResource {

    static final String CSV = "text/csv";

    @Inject
    FrameworkService frameworks;

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR, Roles.EVALUATOR})
    @Operation(summary = "Every framework version, newest first")
    public List<city.yingzao.evaluation.application.Views.FrameworkSummary> all() {
        return frameworks.all();
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR, Roles.EVALUATOR})
    @Operation(summary = "One version with its domains, indicators and anchors (zh, en); the JSON export")
    public Framework get(@PathParam("version") String version) {
        return frameworks.get(version);
    }

    @GET
    @Path("{version}/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR, Roles.EVALUATOR})
    @Operation(summary = "Export as JSON (format=json, the import's shape) or CSV (format=csv, one row per indicator)")
    public Response export(@PathParam("version") String version, @QueryParam("format") String format) {
        String f = format == null ? "json" : format;
        String file = version + "." + (f.equals("csv") ? "csv" : "json");
        if (f.equals("csv")) {
            return Response.ok(frameworks.csv(version), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
        }
        if (!f.equals("json")) {
            throw Problems.invalid("format", "json or csv");
        }
        return Response.ok(frameworks.get(version), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Import a version as JSON; validated whole (422 invalid-rows naming each problem); 409 E1 when the version was used")
    public Response importJson(@Valid @NotNull Requests.FrameworkDocument document) {
        ImportResult result = frameworks.importDraft(document.toDraft(), Boolean.TRUE.equals(document.provisional()));
        return Response.created(URI.create("/api/frameworks/" + result.version())).entity(result).build();
    }

    @POST
    @Path("csv")
    @Consumes(CSV)
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Import a version as CSV (header row, one row per indicator); problems name their spreadsheet row")
    public Response importCsv(@QueryParam("version") @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String version,
            @QueryParam("title") @jakarta.validation.constraints.Size(max = 200) String title,
            @QueryParam("provisional") boolean provisional, String csv) {
        if (csv != null && csv.indexOf('\u0000') >= 0) {
            throw Problems.invalid("body", "the file contains a NUL character");
        }
        if (title != null && title.indexOf('\u0000') >= 0) {
            throw Problems.invalid("title", "contains a NUL character");
        }
        ImportResult result = frameworks.importCsv(version, title, provisional, csv);
        return Response.created(URI.create("/api/frameworks/" + result.version())).entity(result).build();
    }
}
