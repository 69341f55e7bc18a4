package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.ObjectionRequest;
import city.yingzao.deliberation.api.Requests.ResponseRequest;
import city.yingzao.deliberation.application.ResolutionService;
import city.yingzao.deliberation.application.Views.ObjectionView;
import city.yingzao.deliberation.application.Views.ResolutionView;
import city.yingzao.kernel.security.Roles;
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

import java.util.UUID;

/** A resolution in publicity or adopted (D9): objections by residents and staff's answers. */
@Path("/api/resolutions/{id}")
@Tag(name = "Resolutions", description = "Resolutions 决议 in publicity 公示 and adopted (D9)")
public class ResolutionResource {

    @Inject
    ResolutionService resolutions;

    @GET
    @Authenticated
    @Operation(summary = "A resolution with its objections and who filed them")
    public ResolutionView get(@PathParam("id") UUID id) {
        return resolutions.get(id);
    }

    @POST
    @Path("objections")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Resident of the community: object during publicity (listed, answered by staff, does not stop adoption)")
    public Response object(@PathParam("id") UUID id, @Valid @NotNull ObjectionRequest request) {
        return Response.status(201).entity(resolutions.object(id, request.text().trim())).build();
    }

    @POST
    @Path("objections/{objectionId}/response")
    @RolesAllowed({Roles.COMMUNITY_STAFF, Roles.CITY_OPERATOR})
    @Operation(summary = "Staff: answer an objection")
    public ObjectionView respond(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull ResponseRequest request) {
        return resolutions.respond(id, objectionId, request.text().trim());
    }
}
