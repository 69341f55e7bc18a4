package city.yingzao.finance.api;

import city.yingzao.finance.application.LedgerService;
import city.yingzao.finance.application.LedgerService.VerifyReport;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/ledger")
@Tag(name = "Ledger", description = "Verification of the hash-chained ledger (F8)")
public class LedgerResource {

    @Inject
    LedgerService ledger;

    @POST
    @Path("verify")
    @RolesAllowed({Roles.AUDITOR, Roles.CITY_OPERATOR})
    @Operation(summary = "Recompute every chain (of one community, or the city) and report the first break of each account")
    public VerifyReport verify(@QueryParam("community") String community) {
        return ledger.verify(community == null || community.isBlank() ? null : community.trim());
    }
}
