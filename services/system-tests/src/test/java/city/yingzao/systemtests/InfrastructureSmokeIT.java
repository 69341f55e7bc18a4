package city.yingzao.systemtests;

import city.yingzao.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The infrastructure the system tests stand on, checked on its own: real tokens, a broker that survives a restart. */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("The real infrastructure")
class InfrastructureSmokeIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @DisplayName("Keycloak issues tokens through the password grant, with realm roles and scope claims from the realm file")
    void keycloakIssuesTokensWithRolesAndScopeClaims(SystemUnderTest sut) throws Exception {
        JsonNode operator = claims(sut.token("city-operator"));
        JsonNode staff = claims(sut.token("community-staff"));
        JsonNode district = claims(sut.token("district-operator"));

        assertThat(operator.path("iss").asText()).isEqualTo(sut.keycloakRealmUrl());
        assertThat(operator.path("realm_access").path("roles").toString()).contains("\"city-operator\"");
        assertThat(staff.path("realm_access").path("roles").toString()).contains("\"community-staff\"");
        assertThat(staff.path("community").toString()).contains("510104021001");
        assertThat(district.path("district").asText()).isEqualTo("510104");
        assertThatThrownBy(() -> SystemUnderTest.get().token("nobody-at-all"))
                .hasMessageContaining("401");
    }

    @Test
    @DisplayName("The Kafka broker process keeps what it acknowledged across a stop and a start on the same port")
    void brokerProcessSurvivesRestart(SystemUnderTest sut) throws Exception {
        KafkaBroker kafka = sut.kafka();
        String topic = "smoke." + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, "before the restart")).get();
        }

        long t0 = System.nanoTime();
        kafka.stop();
        long t1 = System.nanoTime();
        assertThat(kafka.isRunning()).isFalse();
        kafka.start();
        long t2 = System.nanoTime();
        System.out.printf("[system-tests] broker stop %d ms, start %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);

        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(kafka.bootstrapServers(), topic,
                Duration.ofSeconds(30), r -> !r.isEmpty());
        assertThat(read).extracting(ConsumerRecord::key).containsExactly(key);
    }

    private JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
