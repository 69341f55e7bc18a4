package city.yingzao.kernel.inbox;

import city.yingzao.contracts.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This service's dead-letter topics, one per consumed topic: {@code <topic>.<service>.dlq}, so an
 * operator sees which service failed on which record. A dead letter keeps the record's key, value
 * and headers, and adds where it came from and why it failed.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    public static final String REASON = "yingzao_dlq_reason";
    public static final String SOURCE_TOPIC = "yingzao_dlq_topic";
    public static final String SOURCE_PARTITION = "yingzao_dlq_partition";
    public static final String SOURCE_OFFSET = "yingzao_dlq_offset";
    public static final String CONSUMER = "yingzao_dlq_consumer";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    ConsumerSettings settings;

    private KafkaProducer<String, String> producer;

    /** The dead-letter topic of {@code topic} for this service. */
    public String topicFor(String topic) {
        return Topics.deadLetterOf(topic, service);
    }

    /** The consuming service's name: its consumer group and the middle of its dead-letter topics' names. */
    public String service() {
        return service;
    }

    /**
     * Sends the record to this service's dead-letter topic and waits for the broker's ack; while the
     * broker is away it keeps trying (a dead letter is never lost, and the record's offset is not
     * committed before it is written).
     */
    public void send(ConsumerRecord<String, String> record, String sourceTopic, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topicFor(sourceTopic), null, record.key(), record.value());
        for (Header h : record.headers()) {
            if (!h.key().startsWith("yingzao_dlq_")) {
                dead.headers().add(h);
            }
        }
        add(dead, REASON, reason.length() <= 2000 ? reason : reason.substring(0, 2000));
        add(dead, SOURCE_TOPIC, sourceTopic);
        add(dead, SOURCE_PARTITION, String.valueOf(record.partition()));
        add(dead, SOURCE_OFFSET, String.valueOf(record.offset()));
        add(dead, CONSUMER, service);
        Duration pause = settings.backoff();
        while (true) {
            try {
                producer().send(dead).get(30, TimeUnit.SECONDS);
                LOG.warnf("dead-lettered %s/%d@%d to %s: %s", sourceTopic, record.partition(), record.offset(),
                        dead.topic(), reason);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering " + sourceTopic + "@" + record.offset(), e);
            } catch (Exception e) {
                LOG.warnf("dead letter to %s not written yet (%s); retrying in %s", dead.topic(), e.toString(), pause);
                reset();
                Retry.sleep(pause);
                pause = Retry.next(pause, settings.backoffMax());
            }
        }
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        reset();
    }
}
