package city.yingzao.kernel.inbox;

import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Every service's dead letters, in the same place: {@code /api/dead-letters}. */
@Path("/api/dead-letters")
@Tag(name = "Dead letters", description = "Events this service could not apply, per consumed topic, and their replay after a fix")
public class DeadLetterResource {

    @Inject
    DeadLetterReplay replay;

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Each consumed topic, its dead-letter topic and how many dead letters wait for a replay")
    public List<DeadLetterReplay.Waiting> waiting() {
        return replay.waiting();
    }

    @POST
    @Path("{topic}/replay")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Apply a consumed topic's dead letters again (idempotent: events applied before are skipped)")
    public DeadLetterReplay.Replayed replay(@PathParam("topic") String topic) {
        return replay.replay(topic);
    }
}
