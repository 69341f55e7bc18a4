package city.yingzao.grants.application;

import city.yingzao.grants.domain.GrantApplication;
import city.yingzao.grants.domain.Project;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The scope half of every call (the role half is {@code @RolesAllowed} on the resource): the city
 * operator runs the programme and, with the auditor, reads everything; a district operator reads what
 * lies in their district; an agency acts for the organisation of its {@code org} claim; a reviewer sees
 * only their assignments; a supervisor the projects whose team they sit on.
 */
@ApplicationScoped
public class Access {

    @Inject
    Caller caller;

    public String who() {
        return caller.name();
    }

    public boolean readsAll() {
        return caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR);
    }

    public boolean isOperator() {
        return caller.has(Roles.CITY_OPERATOR);
    }

    public boolean has(String role) {
        return caller.has(role);
    }

    /** The organisation an agency acts for: its {@code org} claim (403 out-of-scope without one). */
    public String agencyOrganisation() {
        caller.require(caller.has(Roles.AGENCY) && caller.org().isPresent(), "applications without an org claim");
        return caller.org().orElseThrow();
    }

    public java.util.Optional<String> org() {
        return caller.org();
    }

    public java.util.Set<String> communities() {
        return caller.communities();
    }

    public java.util.Optional<String> district() {
        return caller.district();
    }

    public void requireOwnOrganisation(String organisationCode, String what) {
        caller.require(caller.has(Roles.AGENCY) && caller.org().map(organisationCode::equals).orElse(false), what);
    }

    public boolean inDistrict(String districtCode) {
        return caller.has(Roles.DISTRICT_OPERATOR) && districtCode != null && caller.inDistrict(districtCode);
    }

    public boolean ownOrganisation(String organisationCode) {
        return caller.has(Roles.AGENCY) && caller.org().map(organisationCode::equals).orElse(false);
    }

    public void deny(String what) {
        throw Problems.outOfScope(who() + " may not act on " + what);
    }

    public void require(boolean allowed, String what) {
        caller.require(allowed, what);
    }

    public String describe(GrantApplication a) {
        return "application " + a.id();
    }

    public String describe(Project p) {
        return "project " + p.id();
    }
}
