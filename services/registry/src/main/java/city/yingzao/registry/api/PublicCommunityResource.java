package city.yingzao.registry.api;

import city.yingzao.registry.application.CommunityService;
import city.yingzao.registry.application.PageRequest;
import city.yingzao.registry.application.PageView;
import city.yingzao.registry.application.Views.PublicCommunityView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public disclosure page: anyone may see which communities exist and where they are on the path. */
@Path("/api/public/communities")
@Tag(name = "Public", description = "Read-only pages for everyone")
public class PublicCommunityResource {

    @Inject
    CommunityService communities;

    @GET
    @PermitAll
    @Operation(summary = "Communities for the public: code, name, kind, district, street and stage")
    public PageView<PublicCommunityView> list(@QueryParam("district") String district, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return communities.publicList(QueryParams.text(district), PageRequest.of(QueryParams.integer("page", page),
                QueryParams.integer("size", size), sort, CommunityService.PUBLIC_SORTS));
    }
}
