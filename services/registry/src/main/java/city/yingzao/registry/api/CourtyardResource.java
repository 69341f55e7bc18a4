package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.api.Requests.AddCourtyardRequest;
import city.yingzao.registry.application.CommunityStructureService;
import city.yingzao.registry.application.Views.CourtyardView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/communities/{communityCode}/courtyards")
@Tag(name = "Courtyards", description = "Courtyards 院落/小区 of a community")
public class CourtyardResource {

    @Inject
    CommunityStructureService structure;

    @POST
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Add a courtyard, optionally within a resident group (republishes the community snapshot)")
    public Response add(@PathParam("communityCode") String communityCode, @Valid @NotNull AddCourtyardRequest request) {
        CourtyardView created = structure.addCourtyard(communityCode, request.toCommand());
        return Response.created(URI.create("/api/communities/" + communityCode + "/courtyards/" + created.code()))
                .entity(created).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The courtyards of a community")
    public List<CourtyardView> list(@PathParam("communityCode") String communityCode) {
        return structure.courtyards(communityCode);
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "A courtyard")
    public CourtyardView get(@PathParam("communityCode") String communityCode, @PathParam("code") String code) {
        return structure.courtyard(communityCode, code);
    }
}
