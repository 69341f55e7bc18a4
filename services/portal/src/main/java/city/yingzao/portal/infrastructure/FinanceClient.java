package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Finance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The finance service (quarkus.rest-client.finance.url). */
@RegisterRestClient(configKey = "finance")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
public interface FinanceClient {

    @GET
    @Path("public/communities/{code}/finance")
    Finance.CommunityFinance disclosure(@PathParam("code") String community);

    @GET
    @Path("public/communities/{code}/ledger")
    List<Finance.Entry> ledger(@PathParam("code") String community, @QueryParam("year") Integer year);

    @GET
    @Path("public/communities/{code}/ledger.csv")
    @Produces("text/csv")
    String ledgerCsv(@PathParam("code") String community, @QueryParam("year") Integer year);
}
