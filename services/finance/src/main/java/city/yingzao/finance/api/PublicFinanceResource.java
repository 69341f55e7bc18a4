package city.yingzao.finance.api;

import city.yingzao.finance.application.DisclosureService;
import city.yingzao.finance.application.DisclosureService.CommunityFinance;
import city.yingzao.finance.application.DisclosureService.EntryView;
import city.yingzao.finance.application.ProjectService;
import city.yingzao.finance.application.ProjectService.ProjectView;
import city.yingzao.finance.application.VoteService;
import city.yingzao.finance.application.VoteService.RoundView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** F8 full public disclosure 财务全公开: anonymous, read-only, no personal data. */
@Path("/api/public/communities/{code}")
@PermitAll
@Tag(name = "Public disclosure", description = "Every community's account, projects, ledger and vote results (F8)")
public class PublicFinanceResource {

    @Inject
    DisclosureService disclosure;

    @Inject
    ProjectService projects;

    @Inject
    VoteService votes;

    @GET
    @Path("finance")
    @Operation(summary = "Allocations, balances, projects with steps and vote results of a community")
    public CommunityFinance finance(@PathParam("code") String code) {
        return disclosure.community(code);
    }

    @GET
    @Path("ledger")
    @Operation(summary = "Every ledger entry of the community's accounts, in chain order (optionally one fund year)")
    public List<EntryView> ledger(@PathParam("code") String code, @QueryParam("year") Integer year) {
        return disclosure.ledger(code, year);
    }

    @GET
    @Path("ledger.csv")
    @Produces("text/csv")
    @Operation(summary = "The ledger as CSV, one row per line of an entry, with payee, voucher and reversals; streamed")
    public Response ledgerCsv(@PathParam("code") String code, @QueryParam("year") Integer year) {
        disclosure.requireCommunity(code);
        jakarta.ws.rs.core.StreamingOutput body = out -> disclosure.writeLedgerCsv(code, year,
                new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 64 * 1024));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"ledger-" + code + ".csv\"").build();
    }

    @GET
    @Path("projects")
    @Operation(summary = "The community's projects with their steps")
    public List<ProjectView> projects(@PathParam("code") String code) {
        return projects.ofCommunity(code);
    }

    @GET
    @Path("vote-rounds")
    @Operation(summary = "The community's vote rounds with their tallies")
    public List<RoundView> rounds(@PathParam("code") String code) {
        return votes.ofCommunity(code);
    }

    @GET
    @Path("vote-rounds/{round}")
    @Operation(summary = "One round's live tally")
    public RoundView round(@PathParam("code") String code, @PathParam("round") String round) {
        return votes.find(code, round);
    }
}
