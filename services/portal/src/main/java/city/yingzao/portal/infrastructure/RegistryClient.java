package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Page;
import city.yingzao.portal.domain.Registry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The registry service (quarkus.rest-client.registry.url). */
@RegisterRestClient(configKey = "registry")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
public interface RegistryClient {

    @GET
    @Path("public/communities")
    Page<Registry.Community> communities(@QueryParam("district") String district, @QueryParam("page") int page,
            @QueryParam("size") int size, @QueryParam("sort") String sort);

    // --- portal-city: operators ---

    @GET
    @Path("districts")
    Page<Registry.District> districts(@QueryParam("page") int page, @QueryParam("size") int size, @QueryParam("sort") String sort);

    @GET
    @Path("districts/{code}")
    Registry.District district(@PathParam("code") String code);

    @GET
    @Path("coverage")
    Registry.Coverage coverage(@QueryParam("district") String district);

    @GET
    @Path("coverage/districts")
    Page<Registry.DistrictCoverage> districtCoverage(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("communities")
    Page<Registry.CommunityRow> communityRows(@QueryParam("district") String district, @QueryParam("q") String text,
            @QueryParam("page") int page, @QueryParam("size") int size, @QueryParam("sort") String sort);

    @GET
    @Path("communities/{code}")
    Registry.CommunityRow community(@PathParam("code") String code);
}
