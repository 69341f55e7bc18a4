package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when something says no: the service's own words for a refusal, a plain page for a
 * missing one, and "try again shortly" (503) when a service cannot be reached. Never a stack trace.
 */
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String kind, String message, String rule);
    }

    @Inject
    Visitor visitor;

    @ServerExceptionMapper
    public Response refused(ServiceProblem problem) {
        int status = problem.unavailable() ? 503 : problem.status();
        String kind = switch (status) {
            case 401 -> "signin";
            case 403 -> "forbidden";
            case 404 -> "notfound";
            case 503 -> "unavailable";
            default -> "refused";
        };
        if (problem.unavailable()) {
            LOG.warnf("a service answered %d: %s", problem.status(), problem.getMessage());
        }
        return page(status, kind, problem.unavailable() ? "" : problem.message(), problem.rule());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service cannot be reached: %s", e.getMessage());
        return page(503, "unavailable", "", null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return page(400, "invalid", "", null);
    }

    @ServerExceptionMapper
    public Response missing(NotFoundException e) {
        return page(404, "notfound", "", null);
    }

    /** A fault of the portal itself: logged with its stack, shown as a plain page without it. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response fault(RuntimeException e) {
        LOG.error("a page failed", e);
        return page(500, "fault", "", null);
    }

    private Response page(int status, String kind, String message, String rule) {
        TemplateInstance page = Templates.error(status, kind, message, rule == null ? "" : rule)
                .setLocale(visitor.lang().locale());
        Response.ResponseBuilder r = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page);
        if (status == 503) {
            r.header("Retry-After", "5");
        }
        return r.build();
    }
}
