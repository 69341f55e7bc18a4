package city.yingzao.kernel.inbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Whether this service has consumed a set of topics up to where they ended when it started: the
 * end offsets are read once, at the first question; a partition is caught up when this instance has
 * handled the record before that offset, or the consumer group's committed offset reached it (a
 * restart with nothing new to read). Once caught up, a set stays caught up: later lag is normal
 * traffic, watched through the consumer-lag metrics instead.
 */
@ApplicationScoped
public class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class);
    private static final Duration RECHECK = Duration.ofSeconds(2);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ConsumerProgress progress;

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** How far a set of topics is from its end offsets at start. */
    public record Status(boolean caughtUp, long remaining, String detail) {
    }

    private static final class State {
        Map<TopicPartition, Long> targets;
        boolean caughtUp;
        Instant checkedAt = Instant.EPOCH;
        Status last = new Status(false, -1, "not checked yet");
    }

    public synchronized Status status(String group, Collection<String> topics) {
        State state = states.computeIfAbsent(group + "|" + String.join(",", topics), k -> new State());
        if (state.caughtUp) {
            return state.last;
        }
        if (state.targets != null && remaining(state.targets, Map.of()) == 0) {
            return caughtUp(state);
        }
        if (Instant.now().isBefore(state.checkedAt.plus(RECHECK))) {
            return state.last;
        }
        state.checkedAt = Instant.now();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            if (state.targets == null) {
                state.targets = endOffsets(admin, topics);
                LOG.infof("%s catches up on %s to %s", group, topics, state.targets);
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long remaining = remaining(state.targets, committed);
            if (remaining == 0) {
                return caughtUp(state);
            }
            state.last = new Status(false, remaining, remaining + " record(s) before the end offsets at start");
        } catch (Exception e) {
            state.last = new Status(false, -1, "the broker did not answer: " + e);
        }
        return state.last;
    }

    private Status caughtUp(State state) {
        state.caughtUp = true;
        state.last = new Status(true, 0, "caught up to the end offsets at start " + state.targets.values().stream()
                .mapToLong(Long::longValue).sum());
        return state.last;
    }

    private long remaining(Map<TopicPartition, Long> targets, Map<TopicPartition, OffsetAndMetadata> committed) {
        long remaining = 0;
        for (var target : targets.entrySet()) {
            OffsetAndMetadata c = committed.get(target.getKey());
            long reached = Math.max(progress.next(target.getKey()), c == null ? 0 : c.offset());
            remaining += Math.max(0, target.getValue() - reached);
        }
        return remaining;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) throws Exception {
        List<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                .filter(topics::contains).toList();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(existing).allTopicNames().get(5, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> targets = new LinkedHashMap<>();
        if (!request.isEmpty()) {
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                    : admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).entrySet()) {
                targets.put(e.getKey(), e.getValue().offset());
            }
        }
        return targets;
    }
}
