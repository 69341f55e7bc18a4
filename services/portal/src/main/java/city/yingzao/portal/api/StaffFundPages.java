package city.yingzao.portal.api;

import city.yingzao.portal.application.CommunityFunds;
import city.yingzao.portal.application.ServiceProblem;
import city.yingzao.portal.domain.Amounts;
import city.yingzao.portal.domain.Ballot;
import city.yingzao.portal.domain.Finance;
import city.yingzao.portal.domain.NineSteps;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Community staff, the finance side (F5-F7, F9): fund projects through the nine steps, each next step tried against
 * finance's gate and its refusal shown ("F6: ..."), the hearing, payments, withdrawal and rejection; vote rounds with the
 * paper-ballot stack of a count; the micro-fund's donations and grants. Plain forms: POST, then 303 back with a notice, or
 * the same page with the service's refusal (status kept).
 */
@Path("/staff/fund")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class StaffFundPages {

    static final String CODE = PublicPages.CODE;
    static final String ID = "[A-Za-z0-9-]{1,64}";
    static final String DONE = "[a-z]{1,20}";
    /** Rows of the paper-ballot form: one per sheet of a stack (more stacks, more rounds of the form). */
    static final int PAPER_ROWS = 10;
    static final List<String> CATEGORIES = List.of("SOCIAL_ORGANISATIONS", "VOLUNTEER_SERVICES", "INFRASTRUCTURE_MAINTENANCE",
            "CULTURE_AND_SPORTS", "EDUCATION_AND_TRAINING", "ENVIRONMENTAL_GOVERNANCE");
    static final List<String> URGENCIES = List.of("LOW", "MEDIUM", "HIGH");
    static final List<String> DONORS = List.of("RESIDENT", "COMPANY", "MARKET", "SOCIAL_ENTERPRISE");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fund(Finance.CommunityFinance f, List<String> categories, List<String> urgencies,
                int year, Refusal refusal, String form, String done);

        static native TemplateInstance project(Finance.Project p, List<NineSteps.Stage> stages, Refusal refusal, String form,
                String done);

        static native TemplateInstance round(Finance.Round r, List<Integer> rows, Finance.PaperStackResult result,
                Refusal refusal, String done);

        static native TemplateInstance microfund(Finance.CommunityFinance f, List<String> donors, int year, Refusal refusal,
                String form, String done);
    }

    @Inject
    CommunityFunds funds;

    @Inject
    Visitor visitor;

    /** The community the staff works for: the one named if it is theirs, else their first (the service checks too). */
    String community(String asked) {
        Set<String> mine = visitor.communities();
        if (asked != null && mine.contains(asked)) {
            return asked;
        }
        String first = visitor.firstCommunity();
        if (first == null) {
            throw new ServiceProblem(403, null, "Forbidden", null);
        }
        return first;
    }

    City words() {
        return Words.city(visitor);
    }

    // --- the community's fund: projects and rounds ---

    @GET
    public TemplateInstance fund(@QueryParam("community") @Pattern(regexp = CODE) String community,
            @QueryParam("done") @Pattern(regexp = DONE) String done) {
        return fundPage(community(community), null, "", done);
    }

    private TemplateInstance fundPage(String community, Refusal refusal, String form, String done) {
        return Templates.fund(funds.community(community), CATEGORIES, URGENCIES, OperatorPages.thisYear(), refusal, form,
                done == null ? "" : done);
    }

    @POST
    @Path("projects")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@FormParam("community") @Pattern(regexp = CODE) String asked, @FormParam("title") String title,
            @FormParam("category") String category, @FormParam("purpose") String purpose, @FormParam("budget") String budget,
            @FormParam("contribution") String contribution, @FormParam("urgency") String urgency) {
        String community = community(asked);
        var budgetFen = Amounts.fen(budget);
        var contributionFen = contribution == null || contribution.isBlank() ? java.util.Optional.of(0L) : Amounts.fen(contribution);
        Refusal refusal;
        if (title == null || title.isBlank() || title.length() > 500 || (purpose != null && purpose.length() > 2000)) {
            refusal = Refusal.invalid(words().form_title_needed());
        } else if (budgetFen.isEmpty() || contributionFen.isEmpty()) {
            refusal = Refusal.invalid(words().form_invalid_amount());
        } else {
            try {
                Finance.Project p = funds.propose(community, new Finance.ProjectRequest(OperatorPages.thisYear(), title.trim(),
                        category == null ? "" : category, purpose, budgetFen.get(), contributionFen.get(), urgency == null ? "" : urgency));
                return OperatorPages.seeOther("/staff/fund/projects/" + p.id() + "?done=proposed");
            } catch (ServiceProblem problem) {
                refusal = Refusal.of(problem);
            }
        }
        return Response.status(refusal.status()).entity(fundPage(community, refusal, "propose", "")).build();
    }

    @POST
    @Path("rounds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openRound(@FormParam("community") @Pattern(regexp = CODE) String asked, @FormParam("title") String title,
            @FormParam("project") List<String> projects) {
        String community = community(asked);
        Refusal refusal;
        if (title != null && title.length() > 500) {
            refusal = Refusal.invalid(words().form_title_needed());
        } else {
            try {
                funds.openRound(community, title, projects == null ? List.of() : projects, null);
                return OperatorPages.seeOther("/staff/fund?community=" + community + "&done=opened");
            } catch (ServiceProblem problem) {
                refusal = Refusal.of(problem);
            }
        }
        return Response.status(refusal.status()).entity(fundPage(community, refusal, "round", "")).build();
    }

    // --- one project through the nine steps ---

    @GET
    @Path("projects/{id}")
    public TemplateInstance project(@PathParam("id") @Pattern(regexp = ID) String id, @QueryParam("done") @Pattern(regexp = DONE) String done) {
        return projectPage(funds.project(id), null, "", done);
    }

    private TemplateInstance projectPage(Finance.Project p, Refusal refusal, String form, String done) {
        return Templates.project(p, p.stages(), refusal, form, done == null ? "" : done);
    }

    private Response refused(String id, ServiceProblem problem, String form) {
        Refusal refusal = Refusal.of(problem);
        return Response.status(refusal.status()).entity(projectPage(funds.project(id), refusal, form, "")).build();
    }

    private Response invalid(String id, String message, String form) {
        Refusal refusal = Refusal.invalid(message);
        return Response.status(400).entity(projectPage(funds.project(id), refusal, form, "")).build();
    }

    @POST
    @Path("projects/{id}/steps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("id") @Pattern(regexp = ID) String id, @FormParam("step") String step, @FormParam("note") String note) {
        if (step == null || !step.matches("[1-9]")) {
            return invalid(id, words().form_step_needed(), "step");
        }
        if (note != null && note.length() > 2000) {
            return invalid(id, words().form_too_long(), "step");
        }
        try {
            funds.step(id, Integer.parseInt(step), note);
            return OperatorPages.seeOther("/staff/fund/projects/" + id + "?done=step");
        } catch (ServiceProblem problem) {
            return refused(id, problem, "step");
        }
    }

    @POST
    @Path("projects/{id}/hearing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hearing(@PathParam("id") @Pattern(regexp = ID) String id, @FormParam("summary") String summary,
            @FormParam("attendees") String attendees) {
        if (summary == null || summary.isBlank() || summary.length() > 2000 || attendees == null || !attendees.trim().matches("\\d{1,6}")) {
            return invalid(id, words().form_hearing_needed(), "hearing");
        }
        try {
            funds.hearing(id, summary.trim(), Integer.parseInt(attendees.trim()));
            return OperatorPages.seeOther("/staff/fund/projects/" + id + "?done=hearing");
        } catch (ServiceProblem problem) {
            return refused(id, problem, "hearing");
        }
    }

    @POST
    @Path("projects/{id}/payments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pay(@PathParam("id") @Pattern(regexp = ID) String id, @FormParam("amount") String amount,
            @FormParam("payee") String payee, @FormParam("voucher") String voucher, @FormParam("memo") String memo) {
        var fen = Amounts.fen(amount);
        if (fen.isEmpty() || fen.get() <= 0) {
            return invalid(id, words().form_invalid_amount(), "payment");
        }
        if ((memo != null && memo.length() > 300) || (payee != null && payee.length() > 100) || (voucher != null && voucher.length() > 40)) {
            return invalid(id, words().form_too_long(), "payment");
        }
        try {
            funds.pay(id, fen.get(), payee, voucher, memo);
            return OperatorPages.seeOther("/staff/fund/projects/" + id + "?done=paid");
        } catch (ServiceProblem problem) {
            return refused(id, problem, "payment");
        }
    }

    @POST
    @Path("projects/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") @Pattern(regexp = ID) String id, @FormParam("reason") String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            return invalid(id, words().form_reason_needed(), "withdraw");
        }
        try {
            funds.withdraw(id, reason.trim());
            return OperatorPages.seeOther("/staff/fund/projects/" + id + "?done=withdrawn");
        } catch (ServiceProblem problem) {
            return refused(id, problem, "withdraw");
        }
    }

    @POST
    @Path("projects/{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") @Pattern(regexp = ID) String id, @FormParam("reason") String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            return invalid(id, words().form_reason_needed(), "reject");
        }
        try {
            funds.reject(id, reason.trim());
            return OperatorPages.seeOther("/staff/fund/projects/" + id + "?done=rejected");
        } catch (ServiceProblem problem) {
            return refused(id, problem, "reject");
        }
    }

    // --- a vote round: its paper-ballot stack and its closing ---

    static List<Integer> rows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < PAPER_ROWS; i++) {
            rows.add(i);
        }
        return rows;
    }

    @GET
    @Path("rounds/{round}")
    public TemplateInstance round(@PathParam("round") @Pattern(regexp = ID) String round,
            @QueryParam("community") @Pattern(regexp = CODE) String community, @QueryParam("done") @Pattern(regexp = DONE) String done) {
        return Templates.round(funds.round(community(community), round), rows(), null, null, done == null ? "" : done);
    }

    @POST
    @Path("rounds/{round}/paper")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response paper(@PathParam("round") @Pattern(regexp = ID) String round, MultivaluedMap<String, String> form) {
        String community = community(form.getFirst("community"));
        List<String> households = new ArrayList<>();
        List<String> sheets = new ArrayList<>();
        List<List<String>> ticks = new ArrayList<>();
        for (int i = 0; i < PAPER_ROWS; i++) {
            households.add(limit(form.getFirst("household" + i), 32));
            sheets.add(limit(form.getFirst("sheet" + i), 32));
            List<String> t = form.get("approve" + i);
            ticks.add(t == null ? List.of() : t.stream().limit(50).map(x -> limit(x, 64)).toList());
        }
        List<Finance.PaperBallot> stack = Ballot.stack(households, sheets, ticks);
        Finance.Round r = funds.round(community, round);
        if (stack.isEmpty()) {
            return Response.status(400).entity(Templates.round(r, rows(), null, Refusal.invalid(words().form_stack_empty()), "")).build();
        }
        try {
            Finance.PaperStackResult result = funds.paperStack(community, round, stack);
            return Response.ok(Templates.round(funds.round(community, round), rows(), result, null, "")).build();
        } catch (ServiceProblem problem) {
            Refusal refusal = Refusal.of(problem);
            return Response.status(refusal.status()).entity(Templates.round(r, rows(), null, refusal, "")).build();
        }
    }

    @POST
    @Path("rounds/{round}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("round") @Pattern(regexp = ID) String round, @FormParam("community") @Pattern(regexp = CODE) String asked) {
        String community = community(asked);
        try {
            funds.closeRound(community, round);
            return OperatorPages.seeOther("/staff/fund/rounds/" + round + "?community=" + community + "&done=closed");
        } catch (ServiceProblem problem) {
            Refusal refusal = Refusal.of(problem);
            return Response.status(refusal.status()).entity(Templates.round(funds.round(community, round), rows(), null, refusal, "")).build();
        }
    }

    // --- the micro-fund (F9) ---

    @GET
    @Path("microfund")
    public TemplateInstance microfund(@QueryParam("community") @Pattern(regexp = CODE) String community,
            @QueryParam("done") @Pattern(regexp = DONE) String done) {
        return Templates.microfund(funds.community(community(community)), DONORS, OperatorPages.thisYear(), null, "",
                done == null ? "" : done);
    }

    @POST
    @Path("microfund/donations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response donate(@FormParam("community") @Pattern(regexp = CODE) String asked, @FormParam("donorType") String donorType,
            @FormParam("donorName") String donorName, @FormParam("amount") String amount, @FormParam("purpose") String purpose) {
        String community = community(asked);
        var fen = Amounts.fen(amount);
        Refusal refusal;
        if (fen.isEmpty() || fen.get() <= 0) {
            refusal = Refusal.invalid(words().form_invalid_amount());
        } else if (purpose == null || purpose.isBlank() || purpose.length() > 400 || (donorName != null && donorName.length() > 200)) {
            refusal = Refusal.invalid(words().form_purpose_needed());
        } else {
            try {
                funds.donate(community, new Finance.DonationRequest(OperatorPages.thisYear(), donorType == null ? "" : donorType,
                        donorName == null || donorName.isBlank() ? null : donorName.trim(), fen.get(), purpose.trim()));
                return OperatorPages.seeOther("/staff/fund/microfund?community=" + community + "&done=donated");
            } catch (ServiceProblem problem) {
                refusal = Refusal.of(problem);
            }
        }
        return Response.status(refusal.status()).entity(Templates.microfund(funds.community(community), DONORS,
                OperatorPages.thisYear(), refusal, "donation", "")).build();
    }

    @POST
    @Path("microfund/grants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@FormParam("community") @Pattern(regexp = CODE) String asked, @FormParam("orgCode") String orgCode,
            @FormParam("amount") String amount, @FormParam("purpose") String purpose) {
        String community = community(asked);
        var fen = Amounts.fen(amount);
        Refusal refusal;
        if (fen.isEmpty() || fen.get() <= 0) {
            refusal = Refusal.invalid(words().form_invalid_amount());
        } else if (orgCode == null || orgCode.isBlank() || orgCode.length() > 32 || purpose == null || purpose.isBlank()
                || purpose.length() > 400) {
            refusal = Refusal.invalid(words().form_purpose_needed());
        } else {
            try {
                funds.grant(community, new Finance.MicroGrantRequest(OperatorPages.thisYear(), orgCode.trim(), fen.get(), purpose.trim()));
                return OperatorPages.seeOther("/staff/fund/microfund?community=" + community + "&done=granted");
            } catch (ServiceProblem problem) {
                refusal = Refusal.of(problem);
            }
        }
        return Response.status(refusal.status()).entity(Templates.microfund(funds.community(community), DONORS,
                OperatorPages.thisYear(), refusal, "grant", "")).build();
    }

    private static String limit(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}
