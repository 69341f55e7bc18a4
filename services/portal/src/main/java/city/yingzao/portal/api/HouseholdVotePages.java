package city.yingzao.portal.api;

import city.yingzao.portal.application.HouseholdVotes;
import city.yingzao.portal.application.ServiceProblem;
import city.yingzao.portal.domain.Finance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/**
 * F7, a resident's household vote: the open rounds of their community, an approval ballot (any of the candidates, or none),
 * "your household voted (online, at ...)" once finance recorded it, and finance's refusal of a second ballot of the household.
 */
@Path("/me/household")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class HouseholdVotePages {

    static final String ID = StaffFundPages.ID;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance household(String household, String community, List<HouseholdVotes.OpenRound> open,
                List<Finance.Round> closed, String refusedRound, Refusal refusal, List<String> chosen);
    }

    @Inject
    HouseholdVotes votes;

    @Inject
    Visitor visitor;

    private String community() {
        String c = visitor.firstCommunity();
        if (c == null || visitor.claim("household") == null) {
            throw new ServiceProblem(403, null, "Forbidden", null);
        }
        return c;
    }

    /** The open rounds, each with the household's own ballot as finance recorded it (online or entered from paper). */
    @GET
    public TemplateInstance household() {
        return page("", null, List.of());
    }

    private TemplateInstance page(String refusedRound, Refusal refusal, List<String> chosen) {
        String community = community();
        List<Finance.Round> all = votes.all(community);
        return Templates.household(visitor.claim("household"), community,
                votes.withMyBallots(community, all.stream().filter(Finance.Round::open).toList()),
                all.stream().filter(r -> !r.open()).toList(), refusedRound, refusal, chosen);
    }

    @POST
    @Path("rounds/{round}/ballot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vote(@PathParam("round") @Pattern(regexp = ID) String round, @FormParam("approve") List<String> approve) {
        List<String> chosen = approve == null ? List.of() : approve.stream().limit(100).toList();
        try {
            votes.vote(community(), round, chosen);
            return OperatorPages.seeOther("/me/household#r-" + round);
        } catch (ServiceProblem problem) {
            Refusal refusal = Refusal.of(problem);
            return Response.status(refusal.status()).entity(page(round, refusal, chosen)).build();
        }
    }
}
