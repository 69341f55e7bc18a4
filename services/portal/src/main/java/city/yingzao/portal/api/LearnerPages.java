package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;
import city.yingzao.portal.application.TrainingWork;
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

/** A learner's sessions, transcript and certificates, and marking oneself present with the code the trainer shows. */
@Path("/learner")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class LearnerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance learner(TrainingWork.LearnerDesk desk, String notice, WorkForms.Refusal refusal);
    }

    @Inject
    TrainingWork work;

    @GET
    public TemplateInstance learner(@QueryParam("notice") String notice) {
        return Templates.learner(work.learner(), WorkForms.notice(notice), null);
    }

    @POST
    @Path("sessions/{id}/self-mark")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response selfMark(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, MultivaluedMap<String, String> f) {
        String seq = f.getFirst("seq");
        try {
            if (seq == null || !seq.matches("\\d{1,4}")) {
                throw new ServiceProblem(400, null, "Bad request", null);
            }
            work.selfMark(id, Integer.parseInt(seq), WorkForms.trim(f.getFirst("code"), 12));
            return WorkForms.seeOther("/learner", "marked");
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p)).entity(Templates.learner(work.learner(), "", WorkForms.Refusal.of(p))).build();
        }
    }
}
