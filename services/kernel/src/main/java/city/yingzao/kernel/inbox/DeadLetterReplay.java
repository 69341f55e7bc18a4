package city.yingzao.kernel.inbox;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.kernel.problem.Problems;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * This service's dead letters: their topics created at start (one per consumed topic), how many
 * wait, and their replay after a fix. A replay reads a dead-letter topic from where the last replay
 * stopped (consumer group {@code <service>.dlq-replay}) to its end at the time of the request, and
 * applies every record through the topic's handler as if it came from the topic: an event applied
 * before is skipped by its id, one that still fails is dead-lettered again (after the end, so the
 * next replay sees it). Replaying twice therefore changes nothing the second time.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    @Inject
    @Any
    Instance<EventHandler<?>> handlers;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    DeadLetters deadLetters;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean provisioned;

    /** One consumed topic's dead letters. */
    public record Waiting(String topic, String deadLetterTopic, long waiting) {
    }

    /** What a replay did. */
    public record Replayed(String topic, String deadLetterTopic, int read, int applied, int duplicates, int deadLetteredAgain) {
    }

    /** The topics this service consumes through an {@link EventHandler}. */
    public Set<String> topics() {
        return handlersByTopic().keySet();
    }

    public List<Waiting> waiting() {
        List<Waiting> result = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = reader()) {
            for (String topic : topics()) {
                String dlq = deadLetters.topicFor(topic);
                List<TopicPartition> partitions = partitions(reader, dlq);
                long waiting = 0;
                if (!partitions.isEmpty()) {
                    Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(10));
                    Map<TopicPartition, OffsetAndMetadata> done = reader.committed(Set.copyOf(partitions), Duration.ofSeconds(10));
                    Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions, Duration.ofSeconds(10));
                    for (TopicPartition p : partitions) {
                        OffsetAndMetadata c = done.get(p);
                        waiting += ends.get(p) - Math.max(starts.get(p), c == null ? 0 : c.offset());
                    }
                }
                result.add(new Waiting(topic, dlq, waiting));
            }
        }
        return result;
    }

    /** Replays the dead letters of one consumed topic. */
    public synchronized Replayed replay(String topic) {
        EventHandler<?> handler = handlersByTopic().get(topic);
        if (handler == null) {
            throw Problems.notFound("consumed topic", topic);
        }
        String dlq = deadLetters.topicFor(topic);
        int read = 0;
        IdempotentConsumer.Outcome total = new IdempotentConsumer.Outcome(0, 0, 0);
        try (KafkaConsumer<String, String> reader = reader()) {
            List<TopicPartition> partitions = partitions(reader, dlq);
            if (partitions.isEmpty()) {
                return new Replayed(topic, dlq, 0, 0, 0, 0);
            }
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(Set.copyOf(partitions), Duration.ofSeconds(10));
            for (TopicPartition p : partitions) {
                if (committed.get(p) == null) {
                    reader.seekToBeginning(List.of(p));
                } else {
                    reader.seek(p, committed.get(p).offset());
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!reachedEnds(reader, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(p)) {
                        continue; // dead-lettered again during this replay: the next replay's
                    }
                    read++;
                    total = total.plus(replayOne(record, topic, handler));
                    reader.commitSync(Map.of(p, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        LOG.infof("replayed %d dead letter(s) of %s: %s", read, topic, total);
        return new Replayed(topic, dlq, read, total.applied(), total.duplicates(), total.deadLettered());
    }

    private <T extends IntegrationEvent> IdempotentConsumer.Outcome replayOne(ConsumerRecord<String, String> record,
            String topic, EventHandler<T> handler) {
        return consumer.applyOne(record, topic, handler);
    }

    private static boolean reachedEnds(KafkaConsumer<String, String> reader, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    /** Creates this service's dead-letter topics when missing; retries until the broker answers. */
    @Scheduled(every = "10s", delayed = "0s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void provisionDeadLetterTopics() {
        if (provisioned || topics().isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000))) {
            Set<String> existing = admin.listTopics().names().get(8, TimeUnit.SECONDS);
            for (String topic : topics()) {
                String dlq = deadLetters.topicFor(topic);
                if (!existing.contains(dlq)) {
                    try {
                        admin.createTopics(List.of(new NewTopic(dlq, 1, (short) -1))).all().get(8, TimeUnit.SECONDS);
                        LOG.infof("created dead-letter topic %s", dlq);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
            provisioned = true;
        } catch (Exception e) {
            LOG.warnf("dead-letter topics not provisioned yet (%s); will retry", e.toString());
        }
    }

    private Map<String, EventHandler<?>> handlersByTopic() {
        Map<String, EventHandler<?>> byTopic = new TreeMap<>();
        for (EventHandler<?> h : handlers) {
            byTopic.put(h.topic(), h);
        }
        return byTopic;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> reader, String topic) {
        try {
            return reader.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (org.apache.kafka.common.errors.TimeoutException missing) {
            return List.of();
        }
    }

    private KafkaConsumer<String, String> reader() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, deadLetters.service() + ".dlq-replay");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
