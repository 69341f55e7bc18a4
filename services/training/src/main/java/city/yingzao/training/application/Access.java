package city.yingzao.training.application;

import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import city.yingzao.training.domain.Learner;
import city.yingzao.training.domain.TrainingSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The scope half of every call (the role half is {@code @RolesAllowed} on the resource): operators
 * act on everything, a trainer on the sessions they run, a learner on their own enrolments, community
 * staff on their community's map profile.
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    public String who() {
        return caller.name();
    }

    public boolean operator() {
        return caller.has(Roles.CITY_OPERATOR);
    }

    public boolean reader() {
        return caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR);
    }

    /** A session's roster, attendance and scores: its trainer or a city operator. */
    public void requireRuns(TrainingSession s) {
        caller.require(operator() || (caller.has(Roles.TRAINER) && s.trainerId().equals(caller.name())), "session " + s.id());
    }

    /** Reading a session's roster: also the auditor. */
    public void requireReads(TrainingSession s) {
        caller.require(reader() || (caller.has(Roles.TRAINER) && s.trainerId().equals(caller.name())), "session " + s.id());
    }

    /** A person's transcript or certificate: the person, a city operator or the auditor. */
    public void requireSelfOrReader(String personId) {
        caller.require(reader() || caller.name().equals(personId), "the records of " + personId);
    }

    public void requireStaffOf(String communityCode) {
        caller.require(operator() || (caller.has(Roles.COMMUNITY_STAFF) && caller.inCommunity(communityCode)), "community " + communityCode);
    }

    /**
     * The caller as a certificate names them: the user name, the display name from the token (family
     * then given name for Chinese names, given then family otherwise; else {@code name}; else the
     * user name) and the {@code org} claim.
     */
    public Learner self() {
        String given = claim("given_name");
        String family = claim("family_name");
        String display;
        if (given != null || family != null) {
            String g = given == null ? "" : given;
            String f = family == null ? "" : family;
            display = (cjk(g) || cjk(f)) ? f + g : (g + " " + f).trim();
        } else {
            display = claim("name") != null ? claim("name") : caller.name();
        }
        return new Learner(caller.name(), display, caller.org().orElse(null));
    }

    private String claim(String name) {
        if (token == null || token.getRawToken() == null) {
            return null;
        }
        Object v = token.getClaim(name);
        String s = v == null ? null : v.toString().replace("\"", "").trim();
        return s == null || s.isEmpty() ? null : s;
    }

    private static boolean cjk(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
