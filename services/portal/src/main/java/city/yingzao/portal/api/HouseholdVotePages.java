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

    /** What finance answered for the household's ballot, shown after the redirect. */
    public record Voted(String round, String channel, Instant at) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance household(String household, String community, List<Finance.Round> open,
                List<Finance.Round> closed, Voted voted, String refusedRound, Refusal refusal, List<String> chosen);
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

    @GET
    public TemplateInstance household(@QueryParam("voted") @Pattern(regexp = ID) String round,
            @QueryParam("channel") @Pattern(regexp = "[A-Z_]{1,16}") String channel,
            @QueryParam("at") @Min(0) @Max(4102444800000L) Long at) {
        Voted voted = round == null ? null : new Voted(round, channel == null ? "ONLINE" : channel, at == null ? null : Instant.ofEpochMilli(at));
        return page(voted, "", null, List.of());
    }

    private TemplateInstance page(Voted voted, String refusedRound, Refusal refusal, List<String> chosen) {
        String community = community();
        List<Finance.Round> all = votes.all(community);
        return Templates.household(visitor.claim("household"), community, all.stream().filter(Finance.Round::open).toList(),
                all.stream().filter(r -> !r.open()).toList(), voted, refusedRound, refusal, chosen);
    }

    @POST
    @Path("rounds/{round}/ballot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vote(@PathParam("round") @Pattern(regexp = ID) String round, @FormParam("approve") List<String> approve) {
        List<String> chosen = approve == null ? List.of() : approve.stream().limit(100).toList();
        try {
            Finance.Receipt receipt = votes.vote(community(), round, chosen);
            String channel = receipt.channel() == null ? "ONLINE" : receipt.channel().toUpperCase(java.util.Locale.ROOT);
            long at = receipt.recordedAt() == null ? Instant.now().toEpochMilli() : receipt.recordedAt().toEpochMilli();
            return OperatorPages.seeOther("/me/household?voted=" + round + "&channel=" + channel + "&at=" + at);
        } catch (ServiceProblem problem) {
            Refusal refusal = Refusal.of(problem);
            return Response.status(refusal.status()).entity(page(null, round, refusal, chosen)).build();
        }
    }
}
