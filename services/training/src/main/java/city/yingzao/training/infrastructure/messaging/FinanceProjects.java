package city.yingzao.training.infrastructure.messaging;

import city.yingzao.contracts.Topics;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.training.infrastructure.MapStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** T4: a fund-use project archived (step 9 of F6) becomes an outcome on its community's map page; other steps are ignored. */
@ApplicationScoped
public class FinanceProjects implements EventHandler<ProjectStepChangedV1> {

    static final int ARCHIVED = 9;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    MapStore map;

    @Incoming("finance-projects")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, this);
    }

    @Override
    public String topic() {
        return Topics.FINANCE_PROJECTS;
    }

    @Override
    public Class<ProjectStepChangedV1> type() {
        return ProjectStepChangedV1.class;
    }

    @Override
    public void apply(List<ProjectStepChangedV1> events) {
        for (ProjectStepChangedV1 e : events) {
            if (e.step() == ARCHIVED) {
                map.outcome("FINANCE_PROJECT", e.projectId(), e.communityCode(), e.title(), e.category(), e.occurredAt());
            }
        }
    }
}
