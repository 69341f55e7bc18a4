package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.ChecklistRequest;
import city.yingzao.deliberation.api.Requests.ConventionRequest;
import city.yingzao.deliberation.application.ChecklistService;
import city.yingzao.deliberation.application.ConventionService;
import city.yingzao.deliberation.application.Views.ChecklistView;
import city.yingzao.deliberation.application.Views.ConventionView;
import city.yingzao.kernel.security.Roles;
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

import java.net.URI;

/** What staff keep per community outside councils: conventions (D12) and courtyard checklists (D11). */
@Path("/api/communities/{code}")
@Tag(name = "Conventions and courtyards", description = "Versioned conventions 公约 adopted by resolution (D12); courtyard checklists 三有一公开 (D11)")
public class CommunityResource {

    @Inject
    ConventionService conventions;

    @Inject
    ChecklistService checklists;

    @POST
    @Path("conventions")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Create a convention with its first draft; it takes effect only by an adopted resolution")
    public Response create(@PathParam("code") String code, @Valid @NotNull ConventionRequest request) {
        ConventionView created = conventions.create(code, request.toCommand());
        return Response.created(URI.create("/api/public/conventions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("courtyards/{courtyard}/checklist")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Update a courtyard's 三有一公开 checklist")
    public ChecklistView checklist(@PathParam("code") String code, @PathParam("courtyard") String courtyard,
            @Valid @NotNull ChecklistRequest request) {
        return checklists.update(code, courtyard, request.toCommand());
    }
}
