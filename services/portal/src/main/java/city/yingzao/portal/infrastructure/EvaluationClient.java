package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Evaluations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The evaluation service (quarkus.rest-client.evaluation.url): evaluations an operator may see, with released grades. */
@RegisterRestClient(configKey = "evaluation")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
public interface EvaluationClient {

    @GET
    @Path("evaluations")
    List<Evaluations.Evaluation> evaluations(@QueryParam("status") String status, @QueryParam("limit") Integer limit);
}
