package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;
import city.yingzao.portal.application.TrainingWork;
import city.yingzao.portal.domain.Training;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.util.List;

/** A trainer's sessions: the list, a session's enrolments and attendance, the self-mark code shown in the room. */
@Path("/trainer")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class TrainerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sessions(List<Training.Session> sessions);

        static native TemplateInstance session(Training.SessionView view, Training.ShownCode code, int codeMeeting, String notice,
                WorkForms.Refusal refusal);
    }

    @Inject
    TrainingWork work;

    @GET
    public TemplateInstance sessions() {
        return Templates.sessions(work.sessions());
    }

    @GET
    @Path("sessions/{id}")
    public TemplateInstance session(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, @QueryParam("notice") String notice) {
        return Templates.session(work.session(id), null, 0, WorkForms.notice(notice), null);
    }

    /** T-rules: a short-lived code the learners type to mark themselves present; shown on the page, not stored. */
    @POST
    @Path("sessions/{id}/meetings/{seq}/code")
    public Response code(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, @PathParam("seq") @Min(1) @Max(1000) int seq) {
        try {
            Training.ShownCode code = work.showCode(id, seq);
            return Response.ok(Templates.session(work.session(id), code, seq, "code", null)).build();
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p)).entity(Templates.session(work.session(id), null, 0, "", WorkForms.Refusal.of(p))).build();
        }
    }

    @POST
    @Path("sessions/{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attendance(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, MultivaluedMap<String, String> f) {
        String s = f.getFirst("seq");
        int seq = s != null && s.matches("\\d{1,4}") ? Integer.parseInt(s) : 1;
        List<String> people = f.get("person") == null ? List.of() : f.get("person").stream().map(p -> WorkForms.trim(p, 64)).toList();
        try {
            work.markPresent(id, seq, people);
            return WorkForms.seeOther("/trainer/sessions/" + id, "marked");
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p)).entity(Templates.session(work.session(id), null, 0, "", WorkForms.Refusal.of(p))).build();
        }
    }
}
