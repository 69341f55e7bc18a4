package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.api.Requests.AddGroupRequest;
import city.yingzao.registry.application.CommunityStructureService;
import city.yingzao.registry.application.Views.GroupView;
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

@Path("/api/communities/{communityCode}/groups")
@Tag(name = "Resident groups", description = "Resident groups 居民小组 of a community")
public class GroupResource {

    @Inject
    CommunityStructureService structure;

    @POST
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Add a resident group (republishes the community snapshot)")
    public Response add(@PathParam("communityCode") String communityCode, @Valid @NotNull AddGroupRequest request) {
        GroupView created = structure.addGroup(communityCode, request.toCommand());
        return Response.created(URI.create("/api/communities/" + communityCode + "/groups/" + created.code()))
                .entity(created).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The resident groups of a community")
    public List<GroupView> list(@PathParam("communityCode") String communityCode) {
        return structure.groups(communityCode);
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "A resident group")
    public GroupView get(@PathParam("communityCode") String communityCode, @PathParam("code") String code) {
        return structure.group(communityCode, code);
    }
}
