package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.api.Requests.ChangeHouseholdRequest;
import city.yingzao.registry.api.Requests.RegisterHouseholdRequest;
import city.yingzao.registry.application.HouseholdService;
import city.yingzao.registry.application.PageRequest;
import city.yingzao.registry.application.PageView;
import city.yingzao.registry.application.Views.HouseholdView;
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

/** Households are personal data: every method, reads included, is for the community's staff and operators. */
@Path("/api/communities/{communityCode}/households")
@RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.COMMUNITY_STAFF})
@Tag(name = "Households", description = "Registered households 户 of a community")
public class HouseholdResource {

    @Inject
    HouseholdService households;

    @POST
    @Operation(summary = "Register a household in a resident group and, optionally, a courtyard")
    public Response register(@PathParam("communityCode") String communityCode,
            @Valid @NotNull RegisterHouseholdRequest request) {
        HouseholdView created = households.register(communityCode, request.toCommand());
        return Response.created(URI.create("/api/communities/" + communityCode + "/households/" + created.code()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "The households of a community, paged")
    public PageView<HouseholdView> list(@PathParam("communityCode") String communityCode, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return households.list(communityCode, PageRequest.of(QueryParams.integer("page", page),
                QueryParams.integer("size", size), sort, HouseholdService.SORTS));
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Move a household to another group or courtyard, or mark it moved out")
    public HouseholdView change(@PathParam("communityCode") String communityCode, @PathParam("code") String code,
            @Valid @NotNull ChangeHouseholdRequest request) {
        return households.change(communityCode, code, request.toCommand());
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A household")
    public HouseholdView get(@PathParam("communityCode") String communityCode, @PathParam("code") String code) {
        return households.find(communityCode, code);
    }
}
