package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.api.Requests.RegisterStreetRequest;
import city.yingzao.registry.application.PageRequest;
import city.yingzao.registry.application.PageView;
import city.yingzao.registry.application.StreetService;
import city.yingzao.registry.application.Views.StreetView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/streets")
@Tag(name = "Streets", description = "Streets and townships 街道/乡镇 (P1)")
public class StreetResource {

    @Inject
    StreetService streets;

    @POST
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "Register a street in a district (a district operator only in their own)")
    public Response register(@Valid @NotNull RegisterStreetRequest request) {
        StreetView created = streets.register(request.toCommand());
        return Response.created(URI.create("/api/streets/" + created.code())).entity(created).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List streets, paged, optionally of one district")
    public PageView<StreetView> list(@QueryParam("district") String district, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return streets.list(QueryParams.text(district), PageRequest.of(QueryParams.integer("page", page),
                QueryParams.integer("size", size), sort, StreetService.SORTS));
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "A street")
    public StreetView get(@PathParam("code") String code) {
        return streets.find(code);
    }
}
