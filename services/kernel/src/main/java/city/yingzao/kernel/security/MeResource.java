package city.yingzao.kernel.security;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/me} in every service: who the token says the caller is, as this service reads it
 * (roles and scope claims). A portal shows it; an operator checks a user's scope with it; and it is
 * the cheapest authenticated request there is, which the authentication benchmark measures.
 */
@Path("/api/me")
@Tag(name = "Me", description = "The caller as this service sees them")
public class MeResource {

    @Inject
    Caller caller;

    /** The caller: login name, roles and the community, district, household and organisation claims. */
    public record Me(String name, List<String> roles, Set<String> communities, String district, String household, String org) {
    }

    @GET
    @Authenticated
    @Operation(summary = "The caller's own roles and scope, from their token")
    public Me me() {
        return new Me(caller.name(), caller.roles(), caller.communities(), caller.district().orElse(""),
                caller.household().orElse(""), caller.org().orElse(""));
    }
}
