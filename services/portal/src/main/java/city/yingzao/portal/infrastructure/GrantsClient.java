package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Grants;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The grants service (quarkus.rest-client.grants.url): its public calls and awards. */
@RegisterRestClient(configKey = "grants")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api/public")
public interface GrantsClient {

    @GET
    @Path("calls")
    List<Grants.Call> calls();

    @GET
    @Path("awards")
    Grants.Awards awards(@QueryParam("community") String community, @QueryParam("organisation") String organisation);
}
