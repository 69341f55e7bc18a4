package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * F6: a project moves one step at a time, and only when the gate of the next step holds:
 * <ol start="2">
 *   <li>a household vote round that included the project is closed (F7);</li>
 *   <li>a note of the sorting and discussion by the courtyard organisations;</li>
 *   <li>the resolution of the community council 社区协商议事会 on the project has arrived from
 *       deliberation (D10: the council decides; a resident-group or courtyard council's does not open it);</li>
 *   <li>a hearing of the affected residents is recorded;</li>
 *   <li>(implementation: nothing more; payments are allowed from here);</li>
 *   <li>a supervision note;</li>
 *   <li>a review note;</li>
 *   <li>archiving, after which the project never changes.</li>
 * </ol>
 */
public final class StepGate {

    /** D10: the council whose resolution opens step 4, the community's own 社区协商议事会. */
    public static final String DECIDING_COUNCIL_LEVEL = "COMMUNITY";

    private StepGate() {
    }

    /** What is known about a project when someone asks to advance it. */
    public record Facts(ProjectStep current, boolean closedVoteRound, boolean resolutionAdopted, boolean hearingRecorded,
                        boolean noteGiven) {
    }

    // F6: in order, one at a time, each gate holding
    public static Optional<Rejection> mayAdvance(Facts facts, ProjectStep target) {
        if (facts.current() == ProjectStep.ARCHIVING) {
            return Optional.of(new Rejection("F6", "the project is archived (step 9) and can no longer change"));
        }
        ProjectStep next = ProjectStep.values()[facts.current().ordinal() + 1];
        if (target != next) {
            return Optional.of(new Rejection("F6", "the project is at step " + facts.current().label()
                    + "; step " + target.label() + " cannot follow it, the next step is " + next.label()));
        }
        return switch (target) {
            case HOUSEHOLD_VOTE -> facts.closedVoteRound() ? Optional.empty()
                    : missing(target, "a closed household vote round that included this project (F7)");
            case SORTING_AND_DISCUSSION -> facts.noteGiven() ? Optional.empty()
                    : missing(target, "a note of the courtyard organisations' sorting and discussion");
            case COUNCIL_RESOLUTION -> facts.resolutionAdopted() ? Optional.empty()
                    : missing(target, "a council resolution adopted on this project by the community council 社区协商议事会 "
                    + "(D10: a resident-group or courtyard council's resolution does not count)");
            case HEARING -> facts.hearingRecorded() ? Optional.empty()
                    : missing(target, "a recorded hearing of the affected residents");
            case SUPERVISION -> facts.noteGiven() ? Optional.empty() : missing(target, "a supervision note");
            case REVIEW -> facts.noteGiven() ? Optional.empty() : missing(target, "a review note");
            default -> Optional.empty();
        };
    }

    private static Optional<Rejection> missing(ProjectStep target, String gate) {
        return Optional.of(new Rejection("F6", "step " + target.label() + " needs " + gate));
    }

    // F6: an archived project is immutable
    public static Optional<Rejection> mayChange(ProjectStep current) {
        return current == ProjectStep.ARCHIVING
                ? Optional.of(new Rejection("F6", "the project is archived (step 9) and can no longer change"))
                : Optional.empty();
    }
}
