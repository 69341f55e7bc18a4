package city.yingzao.kernel.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Reads and writes that need the database, the way every service's requests do (DatabaseOutageProblemTest);
 * left out of the OpenAPI document, so the malformed-input probe does not write through them.
 */
@Path("/api/probe/database")
public class DatabaseProbeResource {

    @Inject
    EntityManager em;

    @GET
    @PermitAll
    @Operation(hidden = true)
    @Transactional
    public long read() {
        return ((Number) em.createNativeQuery("select count(*) from race_probe").getSingleResult()).longValue();
    }

    @POST
    @PermitAll
    @Operation(hidden = true)
    @Transactional
    public long write() {
        em.createNativeQuery("insert into race_probe (code) values (gen_random_uuid()::text)").executeUpdate();
        return 1;
    }
}
