package city.yingzao.portal.api;

import city.yingzao.portal.application.PublicWork;
import city.yingzao.portal.domain.Training;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.regex.Pattern;

/** The certificate check: anyone types a code and reads its standing, the holder's display name and the scheme. */
@Path("/public/certificates")
@Localised
@Produces(MediaType.TEXT_HTML)
public class PublicCertificatePages {

    /** Certificate codes as training writes them (YZC-…); anything else cannot be one. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{4,40}");

    @CheckedTemplate
    static class Templates {
        /** {@code outcome}: "" (no code asked yet), "found", "unknown" (no such certificate) or "invalid" (not a code). */
        static native TemplateInstance certificates(String code, String outcome, Training.Verification certificate);
    }

    @Inject
    PublicWork work;

    @GET
    public Response check(@QueryParam("code") String code) {
        String c = code == null ? "" : code.trim();
        if (c.isEmpty()) {
            return Response.ok(Templates.certificates("", "", null)).build();
        }
        if (!CODE.matcher(c).matches()) {
            return Response.status(400).entity(Templates.certificates(c.length() > 40 ? c.substring(0, 40) : c, "invalid", null)).build();
        }
        Training.Verification v = work.certificate(c.toUpperCase());
        return v == null
                ? Response.status(404).entity(Templates.certificates(c, "unknown", null)).build()
                : Response.ok(Templates.certificates(c, "found", v)).build();
    }
}
