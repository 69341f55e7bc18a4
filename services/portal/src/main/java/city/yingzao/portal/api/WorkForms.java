package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Set;

/** Small helpers of the work pages' plain HTML forms: yuan to fen, a refusal to show, the redirect after a POST. */
final class WorkForms {

    /** Identifiers the services hand out (UUIDs, codes); anything else in a path is not theirs. */
    static final String ID = "[A-Za-z0-9_.:-]{1,64}";

    /** The notices a page may show after a redirect; any other value is ignored. */
    static final Set<String> NOTICES = Set.of("saved", "submitted", "filed", "scored", "declared", "logged", "marked", "code");

    private WorkForms() {
    }

    /** What a form shows beside itself when a service said no: its words and the rule. */
    record Refusal(String message, String rule) {

        static Refusal of(ServiceProblem p) {
            return new Refusal(p.message(), p.rule() == null ? "" : p.rule());
        }

        /** Whether to write the rule before the words (the services' words often start with it already). */
        public boolean ruleApart() {
            return !rule.isEmpty() && !rule.equals("amount") && (message == null || !message.startsWith(rule));
        }
    }

    /** "1,234.50" or "1234.5" yuan as fen; null when it is not an amount. */
    static Long fen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(yuan.trim().replace(",", "").replace("，", ""));
            if (v.signum() < 0 || v.scale() > 2 || v.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
                return null;
            }
            return v.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static String notice(String notice) {
        return notice != null && NOTICES.contains(notice) ? notice : "";
    }

    static Response seeOther(String path, String notice) {
        return Response.seeOther(URI.create(path + "?notice=" + notice)).build();
    }

    /** A refused form keeps the service's status (422, 409, 403...); a service down is not a refusal. */
    static int status(ServiceProblem p) {
        if (p.unavailable()) {
            throw p;
        }
        return p.status();
    }

    static String trim(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
