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
 * Refuses a {@code POST}, {@code PUT} or {@code PATCH} without a body to a method that reads a JSON one: Quarkus REST
 * hands such a method {@code null}, which {@code @Valid} lets through and the method fails on (a 500), or worse,
 * takes as "nothing given". Answers 400 {@code empty-body}. A method whose body is optional by design marks
 * its parameter {@link Nullable} (and its OpenAPI {@code @RequestBody(required = false)}).
 *
 * <p>Also refuses, with 415 {@code unsupported-media-type}, a body that declares a content type other than JSON
 * to a method that reads a JSON object or list (a record, a list, a map): without {@code @Consumes}, Quarkus
 * REST would try to build the record from the text by reflection and fail with a 500.
 */
public class EmptyBodyFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Map<Method, Boolean> NEEDS_BODY = new ConcurrentHashMap<>();
    private static final Map<Method, Boolean> READS_JSON = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseOtherThanJson(ContainerRequestContext request, ResourceInfo resource) {
        String type = request.getHeaderString("Content-Type");
        if (!WITH_BODY.contains(request.getMethod()) || type == null || type.toLowerCase().contains("json")) {
            return null;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !READS_JSON.computeIfAbsent(method, EmptyBodyFilter::readsJson)) {
            return null;
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + "unsupported-media-type", "Unsupported Media Type", 415,
                "this action reads JSON (application/json), not " + type, request.getUriInfo().getPath(), List.of(), List.of());
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

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

    /** The method's body parameter is a JSON object or list: not text, bytes, a stream or a simple value. */
    private static boolean readsJson(Method method) {
        int body = bodyParameter(method);
        if (body < 0) {
            return false;
        }
        Class<?> type = method.getParameterTypes()[body];
        String name = type.getName();
        return !(type.isPrimitive() || type.isArray() || type == String.class || Number.class.isAssignableFrom(type)
                || type == Boolean.class || name.startsWith("java.io.") || name.startsWith("io.vertx.")
                || name.startsWith("org.jboss.resteasy.reactive."));
    }

    private static int bodyParameter(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (types[i].getName().startsWith("jakarta.ws.rs.") || types[i].getName().startsWith("io.vertx.")) {
                continue;
            }
            boolean body = true;
            for (Annotation a : annotations[i]) {
                String name = a.annotationType().getName();
                if (name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")) {
                    body = false;
                }
            }
            if (body) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The method reads a JSON body (see {@link #readsJson}) whose parameter is not {@link Nullable}; a text body
     * (a CSV import) is the method's to judge, empty or not.
     */
    private static boolean needsBody(Method method) {
        if (!readsJson(method)) {
            return false;
        }
        for (Annotation a : method.getParameterAnnotations()[bodyParameter(method)]) {
            if (a instanceof Nullable) {
                return false;
            }
        }
        return true;
    }
}
