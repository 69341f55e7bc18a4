package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static city.yingzao.finance.domain.ProjectStep.*;
import static org.assertj.core.api.Assertions.assertThat;

class StepGateTest {

    static StepGate.Facts at(ProjectStep step) {
        return new StepGate.Facts(step, true, true, true, true);
    }

    @Test
    @DisplayName("F6 passing: nine steps in the article's order")
    void nineSteps() {
        assertThat(ProjectStep.values()).hasSize(9);
        assertThat(ProjectStep.number(2)).isEqualTo(HOUSEHOLD_VOTE);
        assertThat(ProjectStep.number(4)).isEqualTo(COUNCIL_RESOLUTION);
        assertThat(ARCHIVING.number()).isEqualTo(9);
    }

    @Test
    @DisplayName("F6 passing: with every gate open, each step follows only the one before it")
    void oneStepAtATime() {
        for (ProjectStep current : ProjectStep.values()) {
            for (ProjectStep target : ProjectStep.values()) {
                boolean allowed = StepGate.mayAdvance(at(current), target).isEmpty();
                assertThat(allowed).as(current + " → " + target).isEqualTo(target.ordinal() == current.ordinal() + 1);
            }
        }
        assertThat(StepGate.mayAdvance(at(HOUSEHOLD_VOTE), HEARING)).hasValueSatisfying(r -> assertThat(r.message())
                .isEqualTo("F6: the project is at step 2 HOUSEHOLD_VOTE; step 5 HEARING cannot follow it, the next step is 3 SORTING_AND_DISCUSSION"));
    }

    @Test
    @DisplayName("F6 passing: step 2 needs a closed household vote round")
    void voteGate() {
        assertThat(StepGate.mayAdvance(new StepGate.Facts(PUBLICITY_AND_MOBILISATION, false, true, true, true), HOUSEHOLD_VOTE))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("closed household vote round"));
    }

    @Test
    @DisplayName("F6 passing: step 4 needs the council's adopted resolution on the project")
    void resolutionGate() {
        assertThat(StepGate.mayAdvance(new StepGate.Facts(SORTING_AND_DISCUSSION, true, false, true, true), COUNCIL_RESOLUTION))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("council resolution"));
    }

    @Test
    @DisplayName("F6 passing: step 5 needs a recorded hearing; steps 3, 7 and 8 need their notes")
    void hearingAndNotes() {
        assertThat(StepGate.mayAdvance(new StepGate.Facts(COUNCIL_RESOLUTION, true, true, false, true), HEARING)).isPresent();
        for (ProjectStep noteStep : new ProjectStep[] {SORTING_AND_DISCUSSION, SUPERVISION, REVIEW}) {
            ProjectStep before = ProjectStep.values()[noteStep.ordinal() - 1];
            assertThat(StepGate.mayAdvance(new StepGate.Facts(before, true, true, true, false), noteStep)).as(noteStep.name())
                    .isPresent();
        }
        assertThat(StepGate.mayAdvance(new StepGate.Facts(HEARING, false, false, true, false), IMPLEMENTATION)).isEmpty();
        assertThat(StepGate.mayAdvance(new StepGate.Facts(REVIEW, false, false, true, false), ARCHIVING)).isEmpty();
    }

    @Test
    @DisplayName("F6 passing: an archived project never changes again")
    void archivedIsImmutable() {
        assertThat(StepGate.mayChange(ARCHIVING)).hasValueSatisfying(r -> assertThat(r.reason()).contains("archived"));
        assertThat(StepGate.mayChange(REVIEW)).isEmpty();
        assertThat(StepGate.mayAdvance(at(ARCHIVING), ARCHIVING)).isPresent();
    }
}
