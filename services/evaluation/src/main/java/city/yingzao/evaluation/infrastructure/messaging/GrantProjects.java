package city.yingzao.evaluation.infrastructure.messaging;

import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.contracts.grants.SupervisionMember;
import city.yingzao.contracts.grants.SupervisionTeamChangedV1;
import city.yingzao.contracts.grants.TrancheReleasedV1;
import city.yingzao.evaluation.domain.EvaluationKind;
import city.yingzao.evaluation.domain.EvaluationSchedule;
import city.yingzao.evaluation.infrastructure.EvaluationOpening;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Grants' projects from {@code grants.projects}: a started project gets its mid-term and final
 * evaluations (dates from the project, the framework visible from its first day: E4) and is kept
 * with its reviewers and supervision team for the conflict checks (E3); a team change replaces the
 * team; a closed project is marked closed. Tranche releases are not this service's concern.
 */
@ApplicationScoped
public class GrantProjects implements EventHandler<IntegrationEvent> {

    public static final String SYSTEM = "grants.projects";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EvaluationStore evaluations;

    @Inject
    EvaluationOpening opening;

    @Incoming("projects")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, this);
    }

    @Override
    public String topic() {
        return Topics.GRANTS_PROJECTS;
    }

    @Override
    public Class<IntegrationEvent> type() {
        return IntegrationEvent.class;
    }

    @Override
    public Class<? extends IntegrationEvent> typeOf(String ceType) {
        for (Class<? extends IntegrationEvent> c : List.of(ProjectStartedV1.class, SupervisionTeamChangedV1.class,
                ProjectClosedV1.class, TrancheReleasedV1.class)) {
            if (EventType.of(c).ceType().equals(ceType)) {
                return c;
            }
        }
        return ProjectStartedV1.class;
    }

    @Override
    public void apply(List<IntegrationEvent> events) {
        for (IntegrationEvent event : events) {
            if (event instanceof ProjectStartedV1 p) {
                started(p);
            } else if (event instanceof SupervisionTeamChangedV1 t) {
                evaluations.replaceTeam(t.projectId(), persons(t.supervisionTeam()), t.occurredAt());
            } else if (event instanceof ProjectClosedV1 c) {
                evaluations.closeProject(c.projectId(), c.outcome(), c.occurredAt());
            }
        }
    }

    private void started(ProjectStartedV1 p) {
        evaluations.upsertProject(new EvaluationStore.ProjectRow(p.projectId(), p.callId(), p.applicationId(), p.title(),
                p.organisationCode(), p.targetCode(), p.districtCode(), p.startsOn(), p.endsOn(), p.reviewerIds(),
                persons(p.supervisionTeam()), null), p.occurredAt());
        EvaluationOpening.Subject subject = new EvaluationOpening.Subject(p.projectId(), p.callId(), p.organisationCode(),
                p.targetCode(), p.title(), p.startsOn());
        for (EvaluationKind kind : List.of(EvaluationKind.MID_TERM, EvaluationKind.FINAL)) {
            opening.open(subject, kind, EvaluationSchedule.of(kind, p.startsOn(), p.endsOn()), p.frameworkVersion(), SYSTEM,
                    p.occurredAt());
        }
    }

    private static List<String> persons(List<SupervisionMember> team) {
        return team.stream().map(SupervisionMember::personId).filter(id -> id != null && !id.isBlank()).distinct().toList();
    }
}
