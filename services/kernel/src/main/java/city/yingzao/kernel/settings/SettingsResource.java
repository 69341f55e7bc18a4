package city.yingzao.kernel.settings;

import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Every service's operator settings, in the same place: {@code /api/settings}. Only the city
 * operator changes them; operators and auditors read them and their history.
 */
@Path("/api/settings")
@Tag(name = "Settings", description = "The programme's numbers, changed by the city operator, every change audited")
public class SettingsResource {

    @Inject
    Settings settings;

    /** A change: the new value and why. */
    public record ChangeRequest(@NotBlank @Size(max = 1000) String value, @NotBlank @Size(max = 1000) String reason) {
    }

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Every setting of this service, with its default and who changed it last")
    public List<Settings.SettingView> all() {
        return settings.all();
    }

    @GET
    @Path("{key}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "One setting")
    public Settings.SettingView one(@PathParam("key") String key) {
        return settings.one(key);
    }

    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Change a setting (audited)")
    public Settings.SettingView change(@PathParam("key") String key, @Valid @NotNull ChangeRequest request) {
        return settings.change(key, request.value(), request.reason());
    }

    @GET
    @Path("{key}/history")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Every change of a setting, newest first")
    public List<Settings.ChangeView> history(@PathParam("key") String key) {
        return settings.history(key);
    }
}
