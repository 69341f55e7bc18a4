package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Form posts: do it, then 303 back to the page with a short notice (post/redirect/get, so a reload never posts
 * twice); a refusal comes back to the same page with the service's own words and the rule it names.
 */
final class Forms {

    static final String NOTICE = "yz-notice";

    private Forms() {
    }

    /** Runs {@code action} and redirects to {@code back}; a refusal is carried to the page as its notice. */
    static Response act(String back, String done, Runnable action) {
        String notice;
        try {
            action.run();
            notice = "ok:" + done;
        } catch (ServiceProblem problem) {
            if (problem.unavailable() || problem.status() == 401) {
                throw problem;
            }
            notice = "refused:" + (problem.rule() == null ? "" : problem.rule()) + ":" + problem.message();
        }
        return Response.seeOther(URI.create(back)).cookie(flash(notice)).build();
    }

    static <T> T orNull(Supplier<T> read) {
        try {
            return read.get();
        } catch (ServiceProblem p) {
            if (p.notFound() || p.status() == 403) {
                return null;
            }
            throw p;
        }
    }

    /** The notice lives one request in a cookie (URL-encoded), read and cleared by {@link Visitor#notice()}. */
    static NewCookie flash(String notice) {
        String value = java.net.URLEncoder.encode(notice.length() > 600 ? notice.substring(0, 600) : notice,
                java.nio.charset.StandardCharsets.UTF_8);
        return new NewCookie.Builder(NOTICE).value(value).path("/").maxAge(60).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
