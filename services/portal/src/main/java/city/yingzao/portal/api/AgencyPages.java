package city.yingzao.portal.api;

import city.yingzao.portal.application.AgencyWork;
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

import java.util.ArrayList;
import java.util.List;

/** An agency's grant work: open calls, its applications (draft, submit, timeline), projects, tranches, reports (G6). */
@Path("/agency")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class AgencyPages {

    /** What the draft form holds again after a refusal, as typed. */
    public record DraftForm(String targetCode, String pivotCategory, String title, String requested, List<String> items,
                            List<String> amounts, List<String> names, List<String> roles, String projectLogic) {

        static DraftForm empty() {
            return new DraftForm("", "", "", "", List.of("", "", ""), List.of("", "", ""), List.of("", ""), List.of("PROJECT_LEAD", "SOCIAL_WORKER"), "");
        }

        public String item(int i) {
            return i < items.size() ? items.get(i) : "";
        }

        public String amount(int i) {
            return i < amounts.size() ? amounts.get(i) : "";
        }

        public String name(int i) {
            return i < names.size() ? names.get(i) : "";
        }

        public String role(int i) {
            return i < roles.size() ? roles.get(i) : "";
        }
    }

    static final List<Integer> BUDGET_ROWS = List.of(0, 1, 2);
    static final List<Integer> TEAM_ROWS = List.of(0, 1);
    static final List<String> SEATS = List.of("PROJECT_LEAD", "UNIVERSITY_EXPERT", "SENIOR_SUPERVISOR", "SOCIAL_WORKER");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(AgencyWork.Desk desk, String notice);

        static native TemplateInstance apply(Grants.Call call, DraftForm form, WorkForms.Refusal refusal, List<String> pivots,
                List<String> seats, List<Integer> budgetRows, List<Integer> teamRows);

        static native TemplateInstance application(Grants.ApplicationView view, String notice, WorkForms.Refusal refusal);

        static native TemplateInstance project(AgencyWork.ProjectFile file, String notice, WorkForms.Refusal refusal);
    }

    @Inject
    AgencyWork work;

    @Inject
    Visitor visitor;

    @GET
    public TemplateInstance desk(@QueryParam("notice") String notice) {
        return Templates.desk(work.desk(visitor.claim("org")), WorkForms.notice(notice));
    }

    @GET
    @Path("calls/{call}/apply")
    public TemplateInstance applyForm(@PathParam("call") @Pattern(regexp = WorkForms.ID) String call) {
        return apply(work.call(call), DraftForm.empty(), null);
    }

    @POST
    @Path("calls/{call}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(@PathParam("call") @Pattern(regexp = WorkForms.ID) String call, MultivaluedMap<String, String> f) {
        DraftForm form = new DraftForm(WorkForms.trim(f.getFirst("targetCode"), 32), WorkForms.trim(f.getFirst("pivotCategory"), 32),
                WorkForms.trim(f.getFirst("title"), 300), WorkForms.trim(f.getFirst("requested"), 20),
                rows(f, "item", 3, 200), rows(f, "amount", 3, 20), rows(f, "name", 2, 100), rows(f, "role", 2, 32),
                WorkForms.trim(f.getFirst("projectLogic"), 20000));
        Grants.Call c = work.call(call);
        Long requested = WorkForms.fen(form.requested());
        List<Grants.BudgetLine> budget = new ArrayList<>();
        boolean amountsRead = requested != null;
        for (int i = 0; i < 3; i++) {
            if (!form.item(i).isBlank() || !form.amount(i).isBlank()) {
                Long fen = WorkForms.fen(form.amount(i));
                amountsRead &= fen != null;
                budget.add(new Grants.BudgetLine(form.item(i), fen == null ? 0 : fen));
            }
        }
        if (!amountsRead) {
            return Response.status(400).entity(apply(c, form, new WorkForms.Refusal("", "amount"))).build();
        }
        List<Grants.TeamMember> team = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (!form.name(i).isBlank()) {
                team.add(new Grants.TeamMember(form.name(i), form.role(i)));
            }
        }
        try {
            Grants.Application a = work.draft(call, new Grants.ApplicationRequest(c.rules() == null ? "COMMUNITY" : c.rules().targetKind(),
                    form.targetCode(), form.pivotCategory().isBlank() ? null : form.pivotCategory(), form.title(), requested, budget, team,
                    form.projectLogic()));
            return WorkForms.seeOther("/agency/applications/" + a.id(), "saved");
        } catch (ServiceProblem p) {
            return Response.status(WorkForms.status(p)).entity(apply(c, form, WorkForms.Refusal.of(p))).build();
        }
    }

    @GET
    @Path("applications/{id}")
    public TemplateInstance application(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, @QueryParam("notice") String notice) {
        return Templates.application(work.application(id), WorkForms.notice(notice), null);
    }

    /** G2 and the other eligibility rules: a refusal shows the service's reasons beside the draft, status kept. */
    @POST
    @Path("applications/{id}/submit")
    public Response submit(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id) {
        try {
            work.submit(id);
            return WorkForms.seeOther("/agency/applications/" + id, "submitted");
        } catch (ServiceProblem p) {
            int status = WorkForms.status(p);
            return Response.status(status).entity(Templates.application(work.application(id), "", WorkForms.Refusal.of(p))).build();
        }
    }

    @GET
    @Path("projects/{id}")
    public TemplateInstance project(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, @QueryParam("notice") String notice) {
        return Templates.project(work.project(id), WorkForms.notice(notice), null);
    }

    /** G6: the team files an action-research report; the project's supervisor reviews it. */
    @POST
    @Path("projects/{id}/reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fileReport(@PathParam("id") @Pattern(regexp = WorkForms.ID) String id, MultivaluedMap<String, String> f) {
        try {
            work.fileReport(id, new Grants.ReportRequest(WorkForms.trim(f.getFirst("title"), 300), WorkForms.trim(f.getFirst("period"), 64),
                    WorkForms.trim(f.getFirst("body"), 20000)));
            return WorkForms.seeOther("/agency/projects/" + id, "filed");
        } catch (ServiceProblem p) {
            int status = WorkForms.status(p);
            return Response.status(status).entity(Templates.project(work.project(id), "", WorkForms.Refusal.of(p))).build();
        }
    }

    private TemplateInstance apply(Grants.Call call, DraftForm form, WorkForms.Refusal refusal) {
        return Templates.apply(call, form, refusal, Grants.PIVOTS, SEATS, BUDGET_ROWS, TEAM_ROWS);
    }

    private static List<String> rows(MultivaluedMap<String, String> f, String name, int n, int max) {
        List<String> out = new ArrayList<>();
        List<String> given = f.get(name);
        for (int i = 0; i < n; i++) {
            out.add(given != null && i < given.size() ? WorkForms.trim(given.get(i), max) : "");
        }
        return out;
    }
}
