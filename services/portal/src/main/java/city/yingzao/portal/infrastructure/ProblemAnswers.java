package city.yingzao.portal.infrastructure;

import city.yingzao.portal.application.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** A service's answer of 400 or more becomes a {@link ServiceProblem} with what its problem details said. */
public class ProblemAnswers implements ResponseExceptionMapper<ServiceProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceProblem toThrowable(Response response) {
        String type = null;
        String title = response.getStatusInfo().getReasonPhrase();
        String detail = null;
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                if (body != null && body.startsWith("{")) {
                    JsonNode problem = JSON.readTree(body);
                    type = text(problem, "type");
                    title = text(problem, "title") != null ? text(problem, "title") : title;
                    detail = text(problem, "detail");
                }
            }
        } catch (Exception unreadable) {
            // a body that is not a problem: the status says enough
        }
        return new ServiceProblem(response.getStatus(), type, title, detail);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
