package city.yingzao.evaluation.infrastructure;

import city.yingzao.evaluation.domain.EvaluationKind;
import city.yingzao.evaluation.domain.EvaluationSchedule;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens an evaluation (E1, E4): against the framework version the project started with when this
 * service knows it, else the newest one here; with the settings in force now frozen onto it.
 */
@ApplicationScoped
public class EvaluationOpening {

    @Inject
    EvaluationStore evaluations;

    @Inject
    FrameworkStore frameworks;

    @Inject
    EvaluationSettings settings;

    /** What an evaluation is about. */
    public record Subject(String projectId, String callId, String organisationCode, String communityCode, String title,
                          LocalDate projectStartsOn) {
    }

    public String frameworkFor(String requested) {
        if (requested != null && frameworks.summary(requested).isPresent()) {
            return requested;
        }
        return frameworks.current().orElse(FrameworkStore.PROVISIONAL);
    }

    /** Opens it unless the project already has one of this kind (mid-term, final); the one opened, if any. */
    public Optional<EvaluationRow> open(Subject s, EvaluationKind kind, EvaluationSchedule schedule, String frameworkVersion,
            String by, Instant at) {
        EvaluationRow row = new EvaluationRow(UUID.randomUUID(), s.projectId(), s.callId(), s.organisationCode(), s.communityCode(),
                kind, s.title(), frameworkFor(frameworkVersion), s.projectStartsOn(), schedule.opensOn(), schedule.closesOn(),
                settings.evaluatorsPerEvaluation(), settings.appealWindowDays(), EvaluationStatus.OPEN, by, at, null, null, null,
                null, null, null, 0);
        return evaluations.insert(row) ? Optional.of(row) : Optional.empty();
    }
}
