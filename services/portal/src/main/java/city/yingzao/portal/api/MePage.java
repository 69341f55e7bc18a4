package city.yingzao.portal.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A signed-in person's start: the work their roles give them, one link each. */
@Path("/me")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class MePage {

    /** A role's home page in the portal. */
    public record Work(String role, String href) {
    }

    /** Where each role's work starts; a person with several roles sees several. */
    static String home(String role) {
        return switch (role) {
            case "resident" -> "/me/household";
            case "council-member" -> "/council";
            case "community-staff", "party-reviewer" -> "/council";
            case "district-operator", "city-operator" -> "/operator";
            case "agency" -> "/agency";
            case "reviewer" -> "/reviewer";
            case "evaluator" -> "/evaluator";
            case "supervisor" -> "/supervisor";
            case "trainer" -> "/trainer";
            case "auditor" -> "/auditor";
            default -> "/me";
        };
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(List<Work> work);
    }

    @Inject
    Visitor visitor;

    @GET
    public TemplateInstance me() {
        List<Work> work = visitor.roles().stream().map(r -> new Work(r, home(r))).distinct().toList();
        return Templates.me(work);
    }
}
