package city.yingzao.deliberation.api;

import city.yingzao.deliberation.application.ResolutionService;
import city.yingzao.deliberation.application.Views.AdoptionRun;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The publicity job on demand (D9): adopt now what is due, as the 30-second job would. */
@Path("/api/publicity")
@Tag(name = "Resolutions")
public class PublicityResource {

    @Inject
    ResolutionService resolutions;

    @POST
    @Path("adopt-due")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Adopt now what the 30-second job would: the city operator everywhere, staff in their communities")
    public AdoptionRun adoptDue() {
        return resolutions.adoptDueNow();
    }
}
