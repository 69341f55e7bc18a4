package city.yingzao.kernel.problem;

import jakarta.annotation.Nullable;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a {@code POST}, {@code PUT} or {@code PATCH} without a body to a method that reads one: Quarkus REST
 * hands such a method {@code null}, which {@code @Valid} lets through and the method fails on (a 500), or worse,
 * takes as "nothing given". Answers 400 {@code empty-body}. A method whose body is optional by design marks
 * its parameter {@link Nullable} (and its OpenAPI {@code @RequestBody(required = false)}).
 */
public class EmptyBodyFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Map<Method, Boolean> NEEDS_BODY = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseEmptyBody(ContainerRequestContext request, ResourceInfo resource) {
        if (!WITH_BODY.contains(request.getMethod()) || !empty(request)) {
            return null;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !NEEDS_BODY.computeIfAbsent(method, EmptyBodyFilter::needsBody)) {
            return null;
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + "empty-body", "The request has no body", 400,
                "this action needs a body; none was sent", request.getUriInfo().getPath(), List.of(), List.of());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean empty(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") == null;
    }

    /** The method has a parameter that is not a path, query, header, form, cookie or context one, and not {@link Nullable}. */
    private static boolean needsBody(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (types[i].getName().startsWith("jakarta.ws.rs.") || types[i].getName().startsWith("io.vertx.")) {
                continue;
            }
            boolean body = true;
            for (Annotation a : annotations[i]) {
                String name = a.annotationType().getName();
                if (a instanceof Nullable || name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")) {
                    body = false;
                }
            }
            if (body) {
                return true;
            }
        }
        return false;
    }
}
