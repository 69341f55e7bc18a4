package city.yingzao.kernel.problem;

import city.yingzao.kernel.rules.Rejection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more domain rules refused the request. The problem {@code type} names the rule
 * ({@code urn:yingzao:problem:rule:D6}); when several rules broke at once it is
 * {@code urn:yingzao:problem:rules} and {@code rules} lists them all.
 */
public class RuleViolation extends ProblemException {

    private final List<Rejection> rejections;

    public RuleViolation(List<Rejection> rejections) {
        this(422, rejections);
    }

    public RuleViolation(int status, List<Rejection> rejections) {
        super(status, slug(rejections), "A rule of the programme refused this",
                rejections.stream().map(Rejection::message).collect(Collectors.joining("; ")),
                rejections.stream().map(Rejection::rule).distinct().toList(), List.of());
        this.rejections = List.copyOf(rejections);
    }

    public static RuleViolation of(Rejection rejection) {
        return new RuleViolation(List.of(rejection));
    }

    /** Throws when there is anything to reject; does nothing for an empty list. */
    public static void throwIfAny(List<Rejection> rejections) {
        if (!rejections.isEmpty()) {
            throw new RuleViolation(rejections);
        }
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    private static String slug(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one rejection");
        }
        List<String> rules = rejections.stream().map(Rejection::rule).distinct().toList();
        return rules.size() == 1 ? "rule:" + rules.get(0) : "rules";
    }
}
