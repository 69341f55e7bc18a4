package city.yingzao.portal.api;

import city.yingzao.portal.application.ReviewWork;
import city.yingzao.portal.application.ServiceProblem;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reviewer's assignments, the score per criterion of the call's rubric, and declaring a conflict of interest. */
@Path("/reviewer")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class ReviewerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assignments(List<Grants.Assignment> assignments, String notice);

        static native TemplateInstance review(ReviewWork.Scoring scoring, String notice, WorkForms.Refusal refusal);
    }

    @Inject
    ReviewWork work;

    @GET
    public TemplateInstance assignments(@QueryParam("notice") String notice) {
        return Templates.assignments(work.assignments(), WorkForms.notice(notice));
    }

    @GET
    @Path("applications/{id}")
    public TemplateInstance review(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, @QueryParam("notice") String notice) {
        return Templates.review(work.scoring(id), WorkForms.notice(notice), null);
    }

    @POST
    @Path("applications/{id}/scores")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response score(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, MultivaluedMap<String, String> f) {
        ReviewWork.Scoring scoring = work.scoring(id);
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Grants.Criterion c : scoring.call().rubric()) {
            String v = f.getFirst("score." + c.code());
            if (v != null && v.matches("\\d{1,3}")) {
                scores.put(c.code(), Integer.parseInt(v));
            }
        }
        try {
            work.score(id, scores);
            return WorkForms.seeOther("/reviewer/applications/" + id, "scored");
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p)).entity(Templates.review(scoring, "", WorkForms.Refusal.of(p))).build();
        }
    }

    @POST
    @Path("applications/{id}/conflict")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response conflict(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, MultivaluedMap<String, String> f) {
        try {
            work.declareConflict(id, WorkForms.trim(f.getFirst("reason"), 2000));
            return WorkForms.seeOther("/reviewer", "declared");
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p)).entity(Templates.review(work.scoring(id), "", WorkForms.Refusal.of(p))).build();
        }
    }
}
