package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Settings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/** The kernel's audited settings, the same on every service ({@link SettingsClients} builds one client per service). */
@Path("/api/settings")
public interface SettingsApi {

    @GET
    List<Settings.Setting> list();

    @PUT
    @Path("{key}")
    @Consumes("application/json")
    Settings.Setting change(@PathParam("key") String key, Settings.ChangeRequest request);

    @GET
    @Path("{key}/history")
    List<Settings.Change> history(@PathParam("key") String key);
}
