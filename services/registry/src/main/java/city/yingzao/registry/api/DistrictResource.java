package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.api.Requests.RegisterDistrictRequest;
import city.yingzao.registry.api.Requests.UpdateDistrictRequest;
import city.yingzao.registry.application.DistrictService;
import city.yingzao.registry.application.PageRequest;
import city.yingzao.registry.application.PageView;
import city.yingzao.registry.application.Views.DistrictView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/districts")
@Tag(name = "Districts", description = "Districts 区/市/县 and their tier (P1)")
public class DistrictResource {

    @Inject
    DistrictService districts;

    @POST
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Register a district")
    public Response register(@Valid @NotNull RegisterDistrictRequest request) {
        DistrictView created = districts.register(request.toCommand());
        return Response.created(URI.create("/api/districts/" + created.code())).entity(created).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List districts, paged")
    public PageView<DistrictView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        return districts.list(PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                sort, DistrictService.SORTS));
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "A district")
    public DistrictView get(@PathParam("code") String code) {
        return districts.find(code);
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Rename a district or change its tier (republishes its communities when the tier changes)")
    public DistrictView update(@PathParam("code") String code, @Valid @NotNull UpdateDistrictRequest request) {
        return districts.update(code, request.toCommand());
    }
}
