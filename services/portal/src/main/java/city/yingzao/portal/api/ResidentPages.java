package city.yingzao.portal.api;

import city.yingzao.portal.application.CouncilWork;
import city.yingzao.portal.application.Decisions;
import city.yingzao.portal.domain.Deliberation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A resident's part in deliberation: co-signing residents' proposals towards their threshold (D4), filing one, and
 * objecting to a resolution during its publicity (D9).
 */
@Path("/me")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class ResidentPages {

    /** A proposal as the resident sees it: whether they signed it already (compared, never shown). */
    public record Signable(Deliberation.Proposal proposal, boolean signed) {
    }

    public record CommunityCouncil(Deliberation.Council council, List<Signable> proposals) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposals(List<CommunityCouncil> councils);

        static native TemplateInstance resolutions(List<Deliberation.Resolution> resolutions);
    }

    @Inject
    CouncilWork work;

    @Inject
    Decisions decisions;

    @Inject
    Visitor visitor;

    @GET
    @Path("proposals")
    public TemplateInstance proposals() {
        List<CommunityCouncil> councils = new ArrayList<>();
        for (String community : visitor.communities()) {
            for (Deliberation.Council c : work.councils(community)) {
                if (!"COMMUNITY".equals(c.level())) {
                    continue;
                }
                List<Signable> open = work.desks(List.of(community)).stream().filter(d -> d.council().id().equals(c.id()))
                        .flatMap(d -> d.proposals().stream())
                        .filter(p -> p.collecting() || p.awaitingReview() || "APPROVED".equals(p.status()) || "SCHEDULED".equals(p.status()))
                        .map(p -> new Signable(p, p.signedBy(visitor.personId()))).toList();
                councils.add(new CommunityCouncil(c, open));
            }
        }
        return Templates.proposals(councils);
    }

    @POST
    @Path("proposals/{id}/signatures")
    public Response sign(@PathParam("id") UUID proposal) {
        return Forms.act("/me/proposals#p-" + proposal, "signed", () -> work.sign(proposal));
    }

    @POST
    @Path("councils/{id}/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("id") UUID council, @FormParam("title") @NotBlank @Size(max = 200) String title,
            @FormParam("body") @NotBlank @Size(max = 4000) String body) {
        return Forms.act("/me/proposals", "proposed", () -> work.propose(council, title.trim(), body.trim()));
    }

    @GET
    @Path("resolutions")
    public TemplateInstance resolutions() {
        List<Deliberation.Resolution> all = new ArrayList<>();
        for (String community : visitor.communities()) {
            all.addAll(decisions.resolutions(community, 0));
        }
        return Templates.resolutions(all);
    }

    @POST
    @Path("resolutions/{id}/objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response object(@PathParam("id") UUID resolution, @FormParam("text") @NotBlank @Size(max = 2000) String text) {
        return Forms.act("/me/resolutions#r-" + resolution, "objected", () -> work.object(resolution, text.trim()));
    }
}
