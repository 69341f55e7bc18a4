package city.yingzao.portal.api;

import city.yingzao.portal.application.AuditChecks;
import city.yingzao.portal.domain.Audit;
import city.yingzao.portal.domain.Grants;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;

/** The auditor's checks of the hash-chained ledgers: finance's community funds and grants' programme budget. */
@Path("/auditor")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class AuditorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checks(String community, int year, Audit.FinanceCheck finance, Grants.Verification budget);
    }

    @Inject
    AuditChecks checks;

    @GET
    public TemplateInstance page() {
        return Templates.checks("", LocalDate.now(PageExtensions.CITY).getYear(), null, null);
    }

    /** Runs both checks now (they are POSTs on the services: each check is recorded). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance check(MultivaluedMap<String, String> f) {
        String community = WorkForms.trim(f.getFirst("community"), 32);
        if (!community.matches("[A-Za-z0-9_-]{0,32}")) {
            community = "";
        }
        String y = f.getFirst("year");
        int year = y != null && y.matches("20\\d\\d") ? Integer.parseInt(y) : LocalDate.now(PageExtensions.CITY).getYear();
        return Templates.checks(community, year, checks.finance(community), checks.budget(year));
    }
}
