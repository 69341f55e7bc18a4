package city.yingzao.portal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the evaluation service answers: evaluations, released grades, the scoresheet and its framework. */
public final class Evaluation {

    private Evaluation() {
    }

    public record View(String id, String projectId, String communityCode, String kind, String title, String frameworkVersion,
                       LocalDate windowOpensOn, LocalDate windowClosesOn, String status, Instant releasedAt, Result result) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public record Result(List<DomainScore> domainScores, Double overall, String grade, String gradeZh, boolean passed) {
    }

    public record DomainScore(String domain, Double score) {
    }

    /** A released grade as the public sees it (no names). */
    public record PublicGrade(String kind, String frameworkVersion, Double overall, String grade, String gradeZh, boolean passed,
                              Instant releasedAt, boolean finalResult) {
    }

    /** A project's released grades, for the public page. */
    public record ProjectGrades(String projectId, String title, String organisationName, List<PublicGrade> grades) {
    }

    public record Sheet(String id, String evaluationId, String status, long revision, String clientId, Instant submittedAt,
                        String feedback, List<Level> levels) {

        public boolean submitted() {
            return submittedAt != null || "SUBMITTED".equals(status);
        }

        public Integer levelOf(String indicator) {
            return levels == null ? null : levels.stream().filter(l -> indicator.equals(l.indicatorId())).map(Level::level)
                    .findFirst().orElse(null);
        }
    }

    public record Level(String indicatorId, Integer level, String notes) {
    }

    /** What the evaluator downloads ahead: the evaluation, the sheet so far and the framework to score against. */
    public record OfflinePackage(View evaluation, Sheet sheet, long evaluationRevision, Framework framework) {
    }

    public record Framework(String version, String title, boolean provisional, List<Domain> domains) {

        public int indicatorCount() {
            return domains == null ? 0 : domains.stream().mapToInt(d -> d.indicators() == null ? 0 : d.indicators().size()).sum();
        }
    }

    public record Domain(String id, String nameZh, String nameEn, int weight, List<Indicator> indicators) {

        public String name(Lang lang) {
            return lang == Lang.EN && nameEn != null ? nameEn : nameZh;
        }
    }

    public record Indicator(String id, String nameZh, String nameEn, List<String> anchorsZh, List<String> anchorsEn) {

        public String name(Lang lang) {
            return lang == Lang.EN && nameEn != null ? nameEn : nameZh;
        }

        /** The words of level 0..4 in the language, where the framework has them. */
        public String anchor(Lang lang, int level) {
            List<String> a = lang == Lang.EN && anchorsEn != null && !anchorsEn.isEmpty() ? anchorsEn : anchorsZh;
            return a != null && level < a.size() ? a.get(level) : "";
        }
    }

    /** The levels a scoresheet offers, 0 to 4. */
    public static final List<Integer> LEVELS = List.of(0, 1, 2, 3, 4);
}
