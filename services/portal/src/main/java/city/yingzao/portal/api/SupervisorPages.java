package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;
import city.yingzao.portal.application.Supervision;
import city.yingzao.portal.domain.Grants;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A supervisor's grant projects and their supervision logs: the list, and writing one. */
@Path("/supervisor")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class SupervisorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(List<Grants.Project> projects);

        static native TemplateInstance project(Supervision.ProjectLogs file, List<String> types, String today, String notice,
                WorkForms.Refusal refusal);
    }

    @Inject
    Supervision work;

    @GET
    public TemplateInstance projects() {
        return Templates.projects(work.projects());
    }

    @GET
    @Path("projects/{id}")
    public TemplateInstance project(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, @QueryParam("notice") String notice) {
        return Templates.project(work.project(id), Grants.LOG_TYPES, today(), WorkForms.notice(notice), null);
    }

    @POST
    @Path("projects/{id}/logs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, MultivaluedMap<String, String> f) {
        String type = f.getFirst("type");
        LocalDate on;
        try {
            on = LocalDate.parse(WorkForms.trim(f.getFirst("happenedOn"), 10));
        } catch (DateTimeParseException e) {
            on = null;
        }
        try {
            work.log(id, new Grants.LogRequest(Grants.LOG_TYPES.contains(type) ? type : null, on, WorkForms.trim(f.getFirst("summary"), 4000)));
            return WorkForms.seeOther("/supervisor/projects/" + id, "logged");
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p))
                    .entity(Templates.project(work.project(id), Grants.LOG_TYPES, today(), "", WorkForms.Refusal.of(p))).build();
        }
    }

    private static String today() {
        return LocalDate.now(PageExtensions.CITY).toString();
    }
}
