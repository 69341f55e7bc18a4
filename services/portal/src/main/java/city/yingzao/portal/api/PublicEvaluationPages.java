package city.yingzao.portal.api;

import city.yingzao.portal.application.PublicWork;
import city.yingzao.portal.domain.Evaluation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Released evaluation grades of the awarded projects, as the evaluation service publishes them (no names). */
@Path("/public/evaluations")
@Localised
@Produces(MediaType.TEXT_HTML)
public class PublicEvaluationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evaluations(List<Evaluation.ProjectGrades> projects);
    }

    @Inject
    PublicWork work;

    @GET
    public TemplateInstance evaluations() {
        return Templates.evaluations(work.grades());
    }
}
