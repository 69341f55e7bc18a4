package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Audit;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Finance's check of its ledger chain (quarkus.rest-client.finance.url), for the auditor. */
@RegisterRestClient(configKey = "finance")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
public interface LedgerChecksClient {

    @POST
    @Path("ledger/verify")
    Audit.FinanceCheck verify(@QueryParam("community") String community);
}
