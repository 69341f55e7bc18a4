package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.VersionRequest;
import city.yingzao.deliberation.application.ConventionService;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** New draft versions of a convention (D12); a draft takes effect only through an adopted resolution. */
@Path("/api/conventions")
@Tag(name = "Conventions and courtyards")
public class ConventionResource {

    @Inject
    ConventionService conventions;

    @POST
    @Path("{id}/versions")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Draft a new version (one draft at a time)")
    public Response draft(@PathParam("id") UUID id, @Valid @NotNull VersionRequest request) {
        return Response.status(201).entity(conventions.draft(id, request.text())).build();
    }
}
