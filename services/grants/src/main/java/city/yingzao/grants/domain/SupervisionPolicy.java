package city.yingzao.grants.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * G5: the 1+1+1+1 team: one person per seat, four different people; the senior supervisor holds a current
 * supervisor certificate (the certificate check's answer is passed in); no one but the project lead
 * supervises a project of their own organisation; the project lead belongs to the project's organisation.
 */
public final class SupervisionPolicy {

    private SupervisionPolicy() {
    }

    public static final String CERTIFICATE_SCHEME = "SUPERVISOR";

    // G5: a seat: certificate where needed, never one's own organisation (the lead: always one's own)
    public static List<Rejection> checkSeat(SupervisionRole role, String personId, Set<String> personOrganisations,
            String projectOrganisation, Optional<Rejection> certificateProblem, Map<SupervisionRole, String> team) {
        List<Rejection> failed = new ArrayList<>();
        if (role == SupervisionRole.PROJECT_LEAD) {
            if (!personOrganisations.contains(projectOrganisation)) {
                failed.add(new Rejection("G5", personId + " is not of the project's organisation " + projectOrganisation
                        + " and cannot lead it"));
            }
        } else if (personOrganisations.contains(projectOrganisation)) {
            failed.add(new Rejection("G5", personId + " belongs to " + projectOrganisation
                    + " and may not supervise its own organisation's project"));
        }
        if (role.needsCertificate()) {
            certificateProblem.ifPresent(r -> failed.add(new Rejection("G5", "the " + role + " needs a current "
                    + CERTIFICATE_SCHEME + " certificate: " + r.reason())));
        }
        team.forEach((seat, person) -> {
            if (seat != role && person.equals(personId)) {
                failed.add(new Rejection("G5", personId + " already holds the " + seat + " seat; 1+1+1+1 needs four people"));
            }
        });
        return failed;
    }

    // G5: every seat filled
    public static Set<SupervisionRole> missing(Map<SupervisionRole, String> team) {
        Set<SupervisionRole> missing = EnumSet.allOf(SupervisionRole.class);
        missing.removeAll(team.keySet());
        return missing;
    }
}
