package city.yingzao.grants.api;

import city.yingzao.grants.application.BudgetLedger;
import city.yingzao.grants.application.CallService;
import city.yingzao.grants.application.DisclosureService;
import city.yingzao.grants.domain.BudgetEntry;
import city.yingzao.grants.domain.GrantCall;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/public")
@PermitAll
@Tag(name = "Public", description = "Open calls and the disclosure of awards and releases; no personal data")
public class PublicGrantsResource {

    @Inject
    DisclosureService disclosure;

    @Inject
    BudgetLedger ledger;

    @Inject
    CallService programmes;

    @GET
    @Path("programmes/{year}/ledger")
    @Operation(summary = "The programme's budget ledger in chain order with its hashes: anyone can recompute the chain")
    public List<BudgetEntry> ledger(@PathParam("year") int year) {
        programmes.programme(year);
        return ledger.entries(year);
    }

    @GET
    @Path("calls")
    public List<GrantCall> calls() {
        return disclosure.openCalls();
    }

    @GET
    @Path("awards")
    @Operation(summary = "Awards with their released tranches, per community (target) and per organisation")
    public DisclosureService.Disclosure awards(@QueryParam("community") @Size(max = 32) String community,
            @QueryParam("organisation") @Size(max = 64) String organisation) {
        return disclosure.awards(community, organisation);
    }
}
