package city.yingzao.grants.api;

import city.yingzao.grants.api.Requests.AgreementRequest;
import city.yingzao.grants.api.Requests.CloseRequest;
import city.yingzao.grants.api.Requests.LogRequest;
import city.yingzao.grants.api.Requests.ReasonRequest;
import city.yingzao.grants.api.Requests.ReportRequest;
import city.yingzao.grants.api.Requests.ReportReviewRequest;
import city.yingzao.grants.api.Requests.SeatRequest;
import city.yingzao.grants.application.ProjectService;
import city.yingzao.grants.domain.Project;
import city.yingzao.grants.domain.ResearchReport;
import city.yingzao.grants.domain.SupervisionLog;
import city.yingzao.grants.domain.SupervisionLogType;
import city.yingzao.grants.domain.SupervisionRole;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/projects")
@Tag(name = "Projects", description = "Agreements and tranches (G4), the 1+1+1+1 team and supervision logs (G5), action research (G6)")
public class ProjectResource {

    @Inject
    ProjectService projects;

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.AGENCY, Roles.SUPERVISOR})
    @Operation(summary = "Projects: an agency's organisation's, a supervisor's teams', all for operators and auditors")
    public List<Project> list(@QueryParam("organisation") String organisation, @QueryParam("target") String target) {
        return projects.list(organisation, target);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR, Roles.AGENCY, Roles.SUPERVISOR})
    public ProjectService.ProjectView get(@PathParam("id") String id) {
        return projects.view(id);
    }

    @POST
    @Path("{id}/agreement")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "The agreement is signed: the project starts (ProjectStarted) and the first tranche is released")
    public ProjectService.ProjectView sign(@PathParam("id") String id, @Valid @NotNull AgreementRequest r) {
        return projects.sign(id, r.startsOn(), r.endsOn());
    }

    @PUT
    @Path("{id}/team/{role}")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Fill a seat of the 1+1+1+1 team (certificate and own-organisation checks, 422 rule:G5)")
    public ProjectService.ProjectView seat(@PathParam("id") String id, @PathParam("role") SupervisionRole role, @Valid @NotNull SeatRequest r) {
        return projects.seat(id, role, r.personId());
    }

    @POST
    @Path("{id}/tranches/{number}/hold")
    @RolesAllowed(Roles.CITY_OPERATOR)
    public ProjectService.ProjectView hold(@PathParam("id") String id, @PathParam("number") int number, @Valid @NotNull ReasonRequest r) {
        return projects.hold(id, number, r.reason());
    }

    @POST
    @Path("{id}/tranches/{number}/release")
    @RolesAllowed(Roles.CITY_OPERATOR)
    public ProjectService.ProjectView release(@PathParam("id") String id, @PathParam("number") int number, @Valid @NotNull ReasonRequest r) {
        return projects.release(id, number, r.reason());
    }

    @POST
    @Path("{id}/reports")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "File an action-research report (G6); attachments are references with a SHA-256")
    public Response file(@PathParam("id") String id, @Valid @NotNull ReportRequest r) {
        return Response.status(Response.Status.CREATED).entity(projects.fileReport(id, r.toReport())).build();
    }

    @GET
    @Path("{id}/reports")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR, Roles.AGENCY, Roles.SUPERVISOR})
    public List<ResearchReport> reports(@PathParam("id") String id) {
        return projects.reports(id);
    }

    @POST
    @Path("{id}/reports/{report}/review")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "The project's senior supervisor reviews a report")
    public ResearchReport reviewReport(@PathParam("id") String id, @PathParam("report") String report, @Valid @NotNull ReportReviewRequest r) {
        return projects.reviewReport(id, report, r.note());
    }

    @POST
    @Path("{id}/supervision-logs")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Log supervision by type (G5): thematic online, by appointment, on-site, expert column, routine")
    public Response log(@PathParam("id") String id, @Valid @NotNull LogRequest r) {
        return Response.status(Response.Status.CREATED).entity(projects.log(id, r.type(), r.happenedOn(), r.summary())).build();
    }

    @GET
    @Path("{id}/supervision-logs")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR, Roles.AGENCY, Roles.SUPERVISOR})
    public List<SupervisionLog> logs(@PathParam("id") String id, @QueryParam("type") SupervisionLogType type) {
        return projects.logs(id, type);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.CITY_OPERATOR)
    public ProjectService.ProjectView close(@PathParam("id") String id, @Valid @NotNull CloseRequest r) {
        return projects.close(id, r.outcome());
    }
}
