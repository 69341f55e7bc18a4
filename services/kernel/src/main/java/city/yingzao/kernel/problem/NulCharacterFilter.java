package city.yingzao.kernel.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Refuses a request whose path or query holds an encoded NUL character ({@code %00}) before it is
 * routed or authorised: PostgreSQL cannot store or compare NUL, and no identifier or filter of the
 * programme contains one. Answers 400 {@code nul-character}.
 */
public class NulCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseNul(HttpServerRequest request) {
        String uri = request.uri();
        if (uri == null || !uri.contains("%00")) {
            return null;
        }
        int query = uri.indexOf('?');
        String where = query >= 0 && uri.indexOf("%00") > query ? "query" : "path";
        Problem problem = new Problem(Problem.TYPE_PREFIX + "nul-character", "The request contains a NUL character", 400,
                "the " + where + " contains a NUL character (%00), which no identifier or filter may hold",
                request.path(), List.of(), List.of());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
