package city.yingzao.portal.api;

import city.yingzao.portal.application.Scoresheets;
import city.yingzao.portal.application.ServiceProblem;
import city.yingzao.portal.domain.Evaluation;
import city.yingzao.portal.domain.Lang;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An evaluator's assignments and the offline scoresheet (E-rules). The sheet page is a plain form that works
 * without script; the {@code scoresheet} island keeps drafts in IndexedDB, counts what is not yet sent and sends
 * it when the device is back online. Each sheet carries a client id chosen once, so the evaluation service answers
 * a retry with the sheet it already has: one submission however often it is sent. The service worker
 * ({@code /evaluator/sw.js}, scope {@code /evaluator}) keeps the pages downloaded ahead for when there is no network.
 */
@Path("/evaluator")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class EvaluatorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assignments(List<Evaluation.View> evaluations, String notice);

        static native TemplateInstance sheet(Evaluation.OfflinePackage pack, String clientId, Lang lang, List<Integer> levels,
                String notice, WorkForms.Refusal refusal);
    }

    @Inject
    Scoresheets sheets;

    @Inject
    Visitor visitor;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance assignments(@QueryParam("notice") String notice) {
        return Templates.assignments(sheets.assignments(), WorkForms.notice(notice));
    }

    @GET
    @Path("evaluations/{id}/sheet")
    public TemplateInstance sheet(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, @QueryParam("notice") String notice) {
        return sheetPage(sheets.sheet(id, evaluator()), WorkForms.notice(notice), null);
    }

    /** The form without script: "draft" saves what is there, "submit" sends the sheet whole with its client id. */
    @POST
    @Path("evaluations/{id}/sheet")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, MultivaluedMap<String, String> f) {
        Evaluation.OfflinePackage pack = sheets.sheet(id, evaluator());
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> levels = new ArrayList<>();
        Instant now = Instant.now();
        for (Evaluation.Domain d : pack.framework().domains()) {
            for (Evaluation.Indicator i : d.indicators()) {
                String v = f.getFirst("level." + i.id());
                if (v != null && v.matches("[0-4]")) {
                    levels.add(Map.of("indicatorId", i.id(), "level", Integer.parseInt(v), "recordedAt", now.toString()));
                }
            }
        }
        body.put("levels", levels);
        body.put("feedback", WorkForms.trim(f.getFirst("feedback"), 4000));
        body.put("baseRevision", pack.sheet() == null ? 0 : pack.sheet().revision());
        String clientId = f.getFirst("clientId");
        try {
            if ("submit".equals(f.getFirst("action"))) {
                body.put("clientId", UUID.fromString(clientId == null ? "" : clientId).toString());
                body.put("clientSubmittedAt", now.toString());
                sheets.submit(id, evaluator(), body);
                return WorkForms.seeOther("/evaluator/evaluations/" + id + "/sheet", "submitted");
            }
            sheets.saveDraft(id, evaluator(), body);
            return WorkForms.seeOther("/evaluator/evaluations/" + id + "/sheet", "saved");
        } catch (IllegalArgumentException notAnId) {
            return Response.status(400).entity(sheetPage(pack, "", new WorkForms.Refusal("", ""))).build();
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p)).entity(sheetPage(pack, "", WorkForms.Refusal.of(p))).build();
        }
    }

    /**
     * The island's send of a sheet kept on the device: the same JSON the service takes, passed on with the
     * person's own token. Answers {@code {"sent":true,"replayed":...}} or the service's problem with its status.
     */
    @POST
    @Path("evaluations/{id}/sheet/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, String body) {
        Map<String, Object> sheet;
        try {
            sheet = body == null || body.length() > 200_000 ? null : json.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException | RuntimeException notJson) {
            sheet = null;
        }
        if (sheet == null || !(sheet.get("clientId") instanceof String c) || !c.matches("[0-9a-fA-F-]{36}")) {
            return Response.status(400).entity(Map.of("status", 400, "detail", "clientId")).build();
        }
        try {
            Scoresheets.Submitted s = sheets.submit(id, evaluator(), sheet);
            return Response.ok(Map.of("sent", true, "replayed", s.replayed())).build();
        } catch (ServiceProblem p) {
            if (p.unavailable()) {
                return Response.status(503).entity(Map.of("status", 503)).build();
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("status", p.status());
            problem.put("rule", p.rule() == null ? "" : p.rule());
            problem.put("detail", p.message() == null ? "" : p.message());
            return Response.status(p.status()).entity(problem).build();
        }
    }

    /** The service worker, from under /evaluator/ so that its scope is the evaluator's pages and nothing else. */
    @GET
    @Path("sw.js")
    @Produces("text/javascript")
    public Response serviceWorker() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/assets/scoresheet-sw.js")) {
            if (in == null) {
                return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("").build();
            }
            return Response.ok(in.readAllBytes(), "text/javascript; charset=UTF-8").header("Cache-Control", "no-cache")
                    // scope /evaluator, so that the assignment list (/evaluator itself) is the worker's too
                    .header("Service-Worker-Allowed", "/evaluator").build();
        }
    }

    private TemplateInstance sheetPage(Evaluation.OfflinePackage pack, String notice, WorkForms.Refusal refusal) {
        String clientId = pack.sheet() != null && pack.sheet().clientId() != null ? pack.sheet().clientId() : UUID.randomUUID().toString();
        return Templates.sheet(pack, clientId, visitor.lang(), Evaluation.LEVELS, notice, refusal);
    }

    /** The evaluator as the service names them (the token's user name); used in the service's path, never shown. */
    private String evaluator() {
        String name = visitor.claim("preferred_username");
        if (name == null || name.isBlank()) {
            throw new ServiceProblem(403, null, "Forbidden", null);
        }
        return name;
    }
}
