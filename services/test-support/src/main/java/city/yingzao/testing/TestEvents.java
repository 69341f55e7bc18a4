package city.yingzao.testing;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Events another service would publish, sent to the shared test Kafka as its outbox relay sends them:
 * the contract's topic and record key, CloudEvents headers (subject = the partition key), one producer
 * for the JVM. And the one wait the consumers' tests share.
 */
public final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** Publishes with a new CloudEvents id. */
    public static void publish(IntegrationEvent event) {
        publish(event, UUID.randomUUID());
    }

    /** Publishes with the given CloudEvents id (a redelivery reuses it); waits for the broker's ack. */
    public static void publish(IntegrationEvent event, UUID eventId) {
        EventType type = EventType.of(event.getClass());
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.recordKey(), EventJson.write(event));
        header(record, CloudEventHeaders.ID, eventId.toString());
        header(record, CloudEventHeaders.TYPE, type.ceType());
        header(record, CloudEventHeaders.SOURCE, "/yingzao/test");
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (event.partitionKey() != null) {
            header(record, CloudEventHeaders.SUBJECT, event.partitionKey());
        }
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + type.topic(), e);
        }
    }

    /** Waits up to 30 s for the condition, polling every 50 ms; fails naming what it waited for. */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }
}
