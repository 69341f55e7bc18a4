package city.yingzao.kernel.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a service publishes when they are missing, with
 * the partitions and compaction of {@code yingzao.outbox.topics}. On Kubernetes, Strimzi
 * {@code KafkaTopic} resources create them first and this finds them present. Retries until the
 * broker answers, without holding up the service's start.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean done;

    @Scheduled(every = "10s", delayed = "0s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void provisionUntilDone() {
        if (!done) {
            done = provision();
        }
    }

    public boolean provision() {
        if (config.topics().isEmpty()) {
            return true;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000))) {
            Set<String> existing = admin.listTopics().names().get(8, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            config.topics().forEach((name, spec) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, spec.partitions(), spec.replicas()).configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG, spec.compacted()
                                    ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE)));
                }
            });
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(8, TimeUnit.SECONDS);
                    LOG.infof("created topic %s (%d partitions, %s)", topic.name(), topic.numPartitions(), topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            LOG.warnf("topics not provisioned yet (%s); will retry", e.toString());
            return false;
        }
    }
}
