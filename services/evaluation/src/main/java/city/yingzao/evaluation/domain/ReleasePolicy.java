package city.yingzao.evaluation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * E6: a result goes out only when several evaluators have scored (at least {@value #MIN_EVALUATORS},
 * every assigned one submitted) and, when the sheets disagree (flags), a moderator has recorded a
 * moderation note; the moderator is a supervisor or the city operator and never one of the
 * evaluation's evaluators.
 */
public final class ReleasePolicy {

    public static final int MIN_EVALUATORS = 2;

    private ReleasePolicy() {
    }

    /** A moderator (and the one who releases) must not be one of the evaluation's own evaluators. */
    public static List<Rejection> moderator(String person, Collection<String> evaluators) {
        return evaluators.contains(person)
                ? List.of(new Rejection("E6", person + " is an evaluator of this evaluation and cannot moderate or release it"))
                : List.of();
    }

    public static List<Rejection> check(String releaser, Collection<String> assigned, Collection<String> submitted,
            Disagreement.Flags flags, int moderationNotes) {
        List<Rejection> rejections = new ArrayList<>(moderator(releaser, assigned));
        if (submitted.size() < MIN_EVALUATORS) {
            rejections.add(new Rejection("E6", submitted.size() + " sheet(s) submitted, at least " + MIN_EVALUATORS + " needed"));
        }
        List<String> waiting = assigned.stream().filter(a -> !submitted.contains(a)).sorted().toList();
        if (!waiting.isEmpty()) {
            rejections.add(new Rejection("E6", "still waiting for the sheets of " + String.join(", ", waiting)));
        }
        if (flags != null && flags.any() && moderationNotes == 0) {
            rejections.add(new Rejection("E6", "the evaluators disagree (" + describe(flags)
                    + "); a moderator must record a moderation note before release"));
        }
        return rejections;
    }

    static String describe(Disagreement.Flags flags) {
        List<String> parts = new ArrayList<>();
        if (!flags.indicators().isEmpty()) {
            parts.add("indicators " + String.join(", ", flags.indicators().stream().map(Disagreement.IndicatorFlag::indicatorId).toList())
                    + " differ by " + Disagreement.INDICATOR_SPREAD + " levels or more");
        }
        if (flags.overall() != null) {
            parts.add("overall scores " + flags.overall().spread() + " points apart");
        }
        return String.join("; ", parts);
    }
}
