package city.yingzao.training.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.training.api.Requests.ProfileRequest;
import city.yingzao.training.api.Requests.TourRequest;
import city.yingzao.training.application.MapService;
import city.yingzao.training.application.MapService.ProfileView;
import city.yingzao.training.domain.StudyTour;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Tag(name = "Map", description = "The community-building map 社区营造地图 (T4): profiles edited by community staff, study-tour routes")
public class MapResource {

    @Inject
    MapService map;

    @PUT
    @Path("communities/{code}/map-profile")
    @RolesAllowed({Roles.COMMUNITY_STAFF, Roles.CITY_OPERATOR})
    @Operation(summary = "Write your community's public profile (history, culture, specialities, resources, pivot, coordinates)")
    public ProfileView edit(@PathParam("code") String code, @Valid @NotNull ProfileRequest r) {
        return map.edit(code, r.edit());
    }

    @POST
    @Path("map/tours")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Add a study-tour route: communities in visiting order, with a theme")
    public Response tour(@Valid @NotNull TourRequest r) {
        StudyTour t = map.addTour(r.title(), r.theme(), r.communities());
        return Response.status(Response.Status.CREATED).entity(t).build();
    }
}
