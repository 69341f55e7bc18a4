package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.application.HouseholdImportService;
import city.yingzao.registry.application.Views.ImportResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/households/import")
@Tag(name = "Households")
public class HouseholdImportResource {

    @Inject
    HouseholdImportService imports;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Import households from CSV, all or nothing")
    public ImportResult importCsv(String body) {
        return imports.importCsv(body);
    }
}
