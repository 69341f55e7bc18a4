package city.yingzao.portal.api;

import city.yingzao.portal.application.SecretBallot;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * D8 phase 2, the island's anonymous door: a ballot relayed to deliberation without any token. It is refused if it
 * arrives with a session, so a mistaken client cannot link a ballot to a person through the portal.
 */
@Path("/ballots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BallotCast {

    @Inject
    SecretBallot ballot;

    @Inject
    SecurityIdentity identity;

    @POST
    public Response cast(@NotNull Map<String, Object> request) {
        if (!identity.isAnonymous()) {
            return BallotRelay.problem(400, "D8", "a ballot is cast without the session: send it with credentials 'omit'");
        }
        return BallotRelay.relay(201, () -> ballot.cast(request));
    }

}
