package city.yingzao.portal.api;

import city.yingzao.portal.application.SecretBallot;
import city.yingzao.portal.application.ServiceProblem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ballot island's signed-in door (D8, phase 1); the anonymous one is {@link BallotCast}.
 * phase, and the credential for the member's blinded message. {@code /ballots} is NOT: the island casts with
 * {@code credentials: 'omit'} and no identifying header, and this relay refuses a cast that arrives with a session
 * (so a mistaken client cannot link a ballot to a person through the portal).
 */
@Path("/council/motions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BallotRelay {

    @Inject
    SecretBallot ballot;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("ballot-box")
    @Authenticated
    public Response box(@PathParam("id") UUID motion) {
        return relay(200, () -> ballot.box(motion));
    }

    @POST
    @Path("credentials")
    @Authenticated
    public Response credential(@PathParam("id") UUID motion, @NotNull Map<String, Object> blinded) {
        return relay(200, () -> ballot.credential(motion, blinded));
    }

    /** The service's answer as JSON, its refusal as the same problem (the island shows the detail). */
    static Response relay(int status, java.util.function.Supplier<Object> call) {
        try {
            return Response.status(status).entity(call.get()).build();
        } catch (ServiceProblem refused) {
            if (refused.unavailable()) {
                return problem(503, null, "the deliberation service cannot be reached; try again shortly");
            }
            return problem(refused.status(), refused.rule(), refused.message());
        }
    }

    /** A refusal for the island, in the services' own problem shape. */
    static Response problem(int status, String rule, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", rule == null ? "about:blank" : "urn:yingzao:problem:rule:" + rule);
        p.put("status", status);
        p.put("detail", detail);
        return Response.status(status).type("application/problem+json").entity(p).build();
    }
}
