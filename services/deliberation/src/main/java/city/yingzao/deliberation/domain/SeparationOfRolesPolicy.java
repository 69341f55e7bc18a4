package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;
import java.util.Set;

/**
 * D10: decision, execution and oversight are separate; one person never both proposes and approves
 * the same item. The party reviewer may not review a proposal they filed or co-signed, and a
 * meeting's chair may not be a proposer of an item on its agenda (D13: the chair is neutral).
 */
public final class SeparationOfRolesPolicy {

    public static final String RULE = "D10";

    private SeparationOfRolesPolicy() {
    }

    // D10: nobody reviews a proposal they filed or signed
    public static Optional<Rejection> reviewer(String reviewer, Set<String> proposers) {
        return proposers.contains(reviewer)
                ? Optional.of(new Rejection(RULE, reviewer + " filed or co-signed this proposal and may not review it"))
                : Optional.empty();
    }

    // D10/D13: the chair is neutral, never a proposer of an item on the agenda
    public static Optional<Rejection> chair(String chair, String proposalTitle, Set<String> proposers) {
        return proposers.contains(chair)
                ? Optional.of(new Rejection(RULE, chair + " filed or co-signed \"" + proposalTitle
                        + "\" and may not chair the meeting that debates it"))
                : Optional.empty();
    }
}
