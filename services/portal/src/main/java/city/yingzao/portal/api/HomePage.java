package city.yingzao.portal.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import city.yingzao.portal.domain.Lang;

import java.net.URI;

/** The front page, the language switch and the way in and out. */
@Path("/")
@Localised
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @Inject
    Visitor visitor;

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    /** Remembers the language for a year and goes back to the page (only a path of this site). */
    @GET
    @Path("lang/{tag}")
    public Response language(@PathParam("tag") String tag, @QueryParam("back") String back) {
        Lang lang = Lang.ofTag(tag).orElse(Lang.ZH);
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        NewCookie cookie = new NewCookie.Builder(Lang.COOKIE).value(lang.tag()).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }

    /** Protected (application.properties): reaching it means Keycloak signed the person in; go to their home. */
    @GET
    @Path("sign-in")
    public Response signIn() {
        return Response.seeOther(URI.create("/me")).build();
    }
}
