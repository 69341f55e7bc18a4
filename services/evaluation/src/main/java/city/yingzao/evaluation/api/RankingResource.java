package city.yingzao.evaluation.api;

import city.yingzao.evaluation.application.RankingService;
import city.yingzao.evaluation.application.Views.PublicGrade;
import city.yingzao.evaluation.application.Views.Ranking;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api")
@Tag(name = "Rankings", description = "Ranking across a call with per-domain breakdowns; public grades")
public class RankingResource {

    @Inject
    RankingService rankings;

    @GET
    @Path("calls/{call}/ranking")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.SUPERVISOR})
    @Operation(summary = "Every evaluation of the call and kind (default MID_TERM) with submitted sheets, best first, per domain (E6)")
    public Ranking ranking(@PathParam("call") String call, @QueryParam("kind") @Pattern(regexp = "MID_TERM|FINAL|ON_DEMAND") String kind) {
        return rankings.ranking(call, kind);
    }

    @GET
    @Path("public/projects/{project}/grades")
    @PermitAll
    @Operation(summary = "A project's released grades: kind, overall, grade, whether final; no names")
    public List<PublicGrade> grades(@PathParam("project") String project) {
        return rankings.publicGrades(project);
    }
}
