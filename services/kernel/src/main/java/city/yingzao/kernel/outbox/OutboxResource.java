package city.yingzao.kernel.outbox;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * Every service's parked outbox events, in the same place: {@code /api/outbox/parked}. Only the city
 * operator lists and replays them (they may carry any community's data).
 */
@Path("/api/outbox/parked")
@Tag(name = "Outbox", description = "Events the relay set aside after repeated failures of their own, and their replay")
public class OutboxResource {

    private static final int MAX_SIZE = 500;

    @Inject
    ParkedEvents parked;

    @Inject
    Caller caller;

    /** What to replay: the given event ids, or every parked event when none are given. */
    public record ReplayRequest(@Size(max = 10_000) List<UUID> ids) {
    }

    /** What a replay did. */
    public record ReplayResult(int replayed, List<UUID> ids) {
    }

    @GET
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Parked events, oldest first, with their last error (page from 0, size up to 500)")
    public ParkedEvents.ParkedPage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return parked.page(number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE), number("size", size, 50, 1, MAX_SIZE));
    }

    @POST
    @Path("replay")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Put parked events back to pending, attempts reset (all of them without ids); audited, idempotent")
    public ReplayResult replay(@Nullable @RequestBody(required = false) ReplayRequest request) {
        List<UUID> ids = request == null || request.ids() == null ? List.of() : request.ids();
        if (ids.size() > 10_000) {
            throw Problems.invalid("ids", "at most 10000 ids at a time");
        }
        List<UUID> replayed = parked.replay(ids, caller.name());
        return new ReplayResult(replayed.size(), replayed);
    }

    private static int number(String field, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw Problems.invalid(field, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, "must be a whole number");
        }
    }
}
