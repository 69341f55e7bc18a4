package city.yingzao.portal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * F6: the nine steps a community-fund project goes through (宣传动员 → 一户一票 → 梳理讨论 → 决议公示 → 项目听证 → 组织实施 → 监督 → 评议完善 → 档案归集),
 * as a list a page can draw: each step done (with its date and note), current, or still ahead.
 */
public final class NineSteps {

    public static final int STEPS = 9;

    private NineSteps() {
    }

    public enum State { DONE, CURRENT, AHEAD, STOPPED }

    /** Step {@code number} (1-9) of a project: its state, and the record of it if it was taken. */
    public record Stage(int number, State state, Finance.Step record) {

        public boolean done() {
            return state == State.DONE;
        }

        public boolean current() {
            return state == State.CURRENT;
        }

        public String stateName() {
            return state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The nine stages of a project at step {@code reached} (the last step recorded) with the steps taken so far; a
     * project that ended early (withdrawn, rejected) shows the step after the last as stopped.
     */
    public static List<Stage> of(int reached, List<Finance.Step> taken, String endedAs) {
        List<Stage> stages = new ArrayList<>(STEPS);
        boolean ended = endedAs != null && !endedAs.isBlank();
        for (int n = 1; n <= STEPS; n++) {
            final int number = n;
            Finance.Step record = taken == null ? null
                    : taken.stream().filter(s -> s.step() == number).reduce((a, b) -> b).orElse(null);
            State state;
            if (n <= reached) {
                state = State.DONE;
            } else if (n == reached + 1) {
                state = ended ? State.STOPPED : State.CURRENT;
            } else {
                state = State.AHEAD;
            }
            stages.add(new Stage(n, state, record));
        }
        return stages;
    }
}
