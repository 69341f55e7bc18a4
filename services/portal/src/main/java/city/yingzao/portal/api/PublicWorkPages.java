package city.yingzao.portal.api;

import city.yingzao.portal.application.PublicWork;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** G8: grant calls, awards and every tranche released, for anyone; no sign-in, no script. */
@Path("/public/grants")
@Localised
@Produces(MediaType.TEXT_HTML)
public class PublicWorkPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grants(PublicWork.GrantsDisclosure disclosure);
    }

    @Inject
    PublicWork work;

    @GET
    public TemplateInstance grants() {
        return Templates.grants(work.grants());
    }
}
