package city.yingzao.portal.api;

import city.yingzao.portal.application.Disclosures;
import city.yingzao.portal.application.Disclosures.CommunityDisclosure;
import city.yingzao.portal.domain.Page;
import city.yingzao.portal.domain.Registry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** F8: the public pages, no sign-in, no script needed; every figure a table. */
@Path("/public")
@Localised
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    /** Community and district codes as the registry writes them. */
    static final String CODE = "[A-Za-z0-9_-]{1,32}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance communities(Page<Registry.Community> page, String district, String link);

        static native TemplateInstance community(CommunityDisclosure disclosure);
    }

    @Inject
    Disclosures disclosures;

    @GET
    @Path("communities")
    public TemplateInstance communities(@QueryParam("district") @Pattern(regexp = CODE) String district,
            @QueryParam("page") @DefaultValue("1") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100000) int page) {
        String d = district == null ? "" : district;
        return Templates.communities(disclosures.communities(district, page - 1), d,
                "/public/communities?district=" + PageExtensions.urlEncode(d) + "&page=");
    }

    @GET
    @Path("communities/{code}")
    public TemplateInstance community(@PathParam("code") @Pattern(regexp = CODE) String code) {
        return Templates.community(disclosures.community(code));
    }

    @GET
    @Path("communities/{code}/ledger.csv")
    @Produces("text/csv")
    public Response ledgerCsv(@PathParam("code") @Pattern(regexp = CODE) String code) {
        return Response.ok(disclosures.ledgerCsv(code), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"ledger-" + code + ".csv\"").build();
    }
}
