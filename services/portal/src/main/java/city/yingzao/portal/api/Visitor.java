package city.yingzao.portal.api;

import city.yingzao.portal.domain.Lang;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is looking at a page and in which language, for the layout ({@code {inject:visitor.*}}) and the
 * resources. The language is the remembered choice (cookie {@value Lang#COOKIE}), else the browser's
 * first language we speak, else zh-CN. Only the person's display name is ever shown, never a login name.
 */
@Named("visitor")
@RequestScoped
public class Visitor {

    /** The roles whose home page the portal has, in the order their links appear. */
    static final List<String> WORK_ROLES = List.of("resident", "council-member", "community-staff", "party-reviewer",
            "district-operator", "city-operator", "agency", "reviewer", "evaluator", "supervisor", "trainer", "auditor");

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken idToken;

    private Lang lang;

    public Lang lang() {
        if (lang == null) {
            Cookie chosen = request.getCookie(Lang.COOKIE);
            lang = chosen != null ? Lang.ofTag(chosen.getValue()).orElse(null) : null;
            if (lang == null) {
                String accept = request.getHeader("Accept-Language");
                lang = accept == null ? Lang.ZH : firstSpoken(accept);
            }
        }
        return lang;
    }

    static Lang firstSpoken(String acceptLanguage) {
        for (String part : acceptLanguage.split(",")) {
            var spoken = Lang.ofTag(part.split(";")[0]);
            if (spoken.isPresent()) {
                return spoken.get();
            }
        }
        return Lang.ZH;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The name a person is greeted with: their display name from the ID token, never the login name. */
    public String displayName() {
        if (!signedIn()) {
            return "";
        }
        String name = idToken.getClaim("name");
        if (name == null || name.isBlank()) {
            String given = idToken.getClaim("given_name");
            String family = idToken.getClaim("family_name");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        }
        return name;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The signed-in person's work roles, in the portal's order (their links in the header). */
    public List<String> roles() {
        return WORK_ROLES.stream().filter(identity::hasRole).toList();
    }

    /** Scope claims of the access token, as the services read them. */
    public Set<String> communities() {
        Set<String> codes = new TreeSet<>();
        Object claim = signedIn() ? idToken.getClaim("community") : null;
        if (claim instanceof java.util.Collection<?> many) {
            many.forEach(c -> codes.add(String.valueOf(c).replace("\"", "")));
        } else if (claim != null) {
            codes.add(String.valueOf(claim).replace("\"", ""));
        }
        return codes;
    }

    public String firstCommunity() {
        return communities().stream().findFirst().orElse(null);
    }

    public String claim(String name) {
        Object v = signedIn() ? idToken.getClaim(name) : null;
        return v == null ? null : String.valueOf(v).replace("\"", "");
    }

    /**
     * The person's user name, to compare with what the services record (a signer, a chair, an attendee). Pages
     * never print it: public pages name no one and signed-in pages greet by display name.
     */
    public String personId() {
        return signedIn() ? identity.getPrincipal().getName() : null;
    }

    /** A notice left by the form post before the redirect: what was done, or the service's refusal. */
    public record Notice(boolean ok, String code, String rule, String text) {
    }

    private Notice notice;
    private boolean noticeRead;

    /** The notice of this page view, if a form post left one (a cookie that lives for one minute, cleared here). */
    public Notice notice() {
        if (!noticeRead) {
            noticeRead = true;
            Cookie c = request.getCookie(Forms.NOTICE);
            if (c != null && c.getValue() != null && !c.getValue().isEmpty()) {
                String v = java.net.URLDecoder.decode(c.getValue(), java.nio.charset.StandardCharsets.UTF_8);
                if (v.startsWith("ok:")) {
                    notice = new Notice(true, v.substring(3), "", "");
                } else if (v.startsWith("refused:")) {
                    String[] parts = v.substring(8).split(":", 2);
                    notice = new Notice(false, "", parts[0], parts.length > 1 ? parts[1] : "");
                }
                request.response().addCookie(Cookie.cookie(Forms.NOTICE, "").setPath("/").setMaxAge(0));
            }
        }
        return notice;
    }

    /** The path of the page, for the language switch to come back to. */
    public String path() {
        String uri = request.uri();
        return uri == null || !uri.startsWith("/") || uri.startsWith("//") ? "/" : uri;
    }
}
