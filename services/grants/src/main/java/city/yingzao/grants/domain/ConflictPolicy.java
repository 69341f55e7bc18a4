package city.yingzao.grants.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * G3: conflicts computed from the platform's own data, not only declared. Hard: the reviewer belongs to
 * the applicant organisation, or is staff of the target community. Soft: the reviewer lives or works in the
 * target's district, or belonged to the applicant organisation before. Declared: the reviewer said so.
 */
public final class ConflictPolicy {

    private ConflictPolicy() {
    }

    /** The application as conflicts read it. */
    public record Applicant(String applicationId, String organisationCode, String targetCode, String districtCode) {
    }

    // G3: hard (own organisation, staff of the target), soft (same district, past membership), declared
    public static List<Conflict> detect(Reviewer r, Applicant a, Set<String> declaredApplicationIds) {
        List<Conflict> found = new ArrayList<>();
        if (r.organisations().contains(a.organisationCode())) {
            found.add(new Conflict(r.personId(), a.applicationId(), Conflict.Level.HARD,
                    "belongs to the applicant organisation " + a.organisationCode()));
        }
        if (r.staffOfCommunities().contains(a.targetCode())) {
            found.add(new Conflict(r.personId(), a.applicationId(), Conflict.Level.HARD,
                    "is staff of the target community " + a.targetCode()));
        }
        if (declaredApplicationIds.contains(a.applicationId())) {
            found.add(new Conflict(r.personId(), a.applicationId(), Conflict.Level.DECLARED, "declared by the reviewer"));
        }
        if (r.districtCode() != null && r.districtCode().equals(a.districtCode())) {
            found.add(new Conflict(r.personId(), a.applicationId(), Conflict.Level.SOFT, "same district " + a.districtCode()));
        }
        if (r.pastOrganisations().contains(a.organisationCode())) {
            found.add(new Conflict(r.personId(), a.applicationId(), Conflict.Level.SOFT,
                    "belonged to the applicant organisation " + a.organisationCode() + " before"));
        }
        return found;
    }

    public static boolean excluded(Reviewer r, Applicant a, Set<String> declaredApplicationIds) {
        return r.organisations().contains(a.organisationCode()) || r.staffOfCommunities().contains(a.targetCode())
                || declaredApplicationIds.contains(a.applicationId());
    }
}
