package city.yingzao.portal.api;

import city.yingzao.portal.application.Disclosures;
import city.yingzao.portal.application.Decisions;
import city.yingzao.portal.application.Disclosures.CommunityDisclosure;
import city.yingzao.portal.domain.Deliberation;
import city.yingzao.portal.domain.Page;
import city.yingzao.portal.domain.Registry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** F8: the public pages, no sign-in, no script needed; every figure a table. */
@Path("/public")
@Localised
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    /** Community and district codes as the registry writes them. */
    static final String CODE = "[A-Za-z0-9_-]{1,32}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance communities(Page<Registry.Community> page, String district, String link);

        static native TemplateInstance community(CommunityDisclosure disclosure);

        static native TemplateInstance resolutions(List<Deliberation.Resolution> resolutions, String community, int page, int pageSize);

        static native TemplateInstance resolution(Deliberation.Resolution resolution);

        static native TemplateInstance minutes(Deliberation.Minutes minutes);

        static native TemplateInstance ballots(Deliberation.Tally tally, String receipt, Deliberation.PublicBallot found);
    }

    @Inject
    Decisions decisions;

    @Inject
    Disclosures disclosures;

    @GET
    @Path("communities")
    public TemplateInstance communities(@QueryParam("district") @Pattern(regexp = CODE) String district,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100000) int page) {
        String d = district == null ? "" : district;
        return Templates.communities(disclosures.communities(district, page - 1), d,
                "/public/communities?district=" + PageExtensions.urlEncode(d) + "&page=");
    }

    @GET
    @Path("communities/{code}")
    public TemplateInstance community(@PathParam("code") @Pattern(regexp = CODE) String code,
            @QueryParam("account") @Size(max = 64) String account, @QueryParam("sequence") @Min(1) Long sequence,
            @QueryParam("head") @Pattern(regexp = "[0-9a-fA-F]{64}") String head,
            @QueryParam("ledger") @DefaultValue("1") @Min(1) @Max(100000) int ledgerPage) {
        return Templates.community(disclosures.community(code, blank(account), sequence, blank(head), ledgerPage - 1));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** D9, D13: the community's resolutions, in publicity and adopted, newest first. */
    @GET
    @Path("communities/{code}/resolutions")
    public TemplateInstance resolutions(@PathParam("code") @Pattern(regexp = CODE) String code,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100000) int page) {
        return Templates.resolutions(decisions.resolutions(code, page - 1), code, page, Decisions.PAGE_SIZE);
    }

    @GET
    @Path("resolutions/{id}")
    public TemplateInstance resolution(@PathParam("id") UUID id) {
        return Templates.resolution(decisions.resolution(id));
    }

    @GET
    @Path("meetings/{id}/minutes")
    public TemplateInstance minutes(@PathParam("id") UUID meeting) {
        return Templates.minutes(decisions.minutes(meeting));
    }

    /** D8: the list of ballots anyone can recount, and a member's check of their own receipt. */
    @GET
    @Path("motions/{id}/ballots")
    public TemplateInstance ballots(@PathParam("id") UUID motion, @QueryParam("receipt") @Size(max = 128) String receipt) {
        Deliberation.Tally tally = decisions.tally(motion);
        String r = receipt == null ? "" : receipt.trim();
        return Templates.ballots(tally, r, r.isEmpty() ? null : tally.withReceipt(r));
    }

    @GET
    @Path("communities/{code}/ledger.csv")
    @Produces("text/csv")
    public Response ledgerCsv(@PathParam("code") @Pattern(regexp = CODE) String code) {
        return Response.ok(disclosures.ledgerCsv(code), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"ledger-" + code + ".csv\"").build();
    }
}
