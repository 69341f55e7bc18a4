package city.yingzao.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every event record agrees with its JSON Schema")
class EventContractTest {

    @ParameterizedTest(name = "{0}: a sample validates against the schema")
    @EnumSource(EventType.class)
    void sampleValidates(EventType type) {
        JsonNode json = EventJson.mapper().valueToTree(EventFixtures.sampleOf(type));

        assertThat(EventSchemas.violations(type, json)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: the schema names exactly the record's fields and requires them all")
    @EnumSource(EventType.class)
    void schemaPropertiesAreTheRecordComponents(EventType type) {
        JsonNode schema = EventSchemas.schemaJson(type);
        Set<String> recordFields = Arrays.stream(type.payloadType().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());
        Set<String> schemaFields = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));

        assertThat(schemaFields).isEqualTo(recordFields);
        assertThat(required).isEqualTo(recordFields);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest(name = "{0}: a sample survives a JSON round trip unchanged")
    @EnumSource(EventType.class)
    void roundTrip(EventType type) {
        IntegrationEvent sample = EventFixtures.sampleOf(type);

        IntegrationEvent back = EventJson.read(EventJson.write(sample), type.payloadType());

        assertThat(back).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}: the schema rejects a payload missing a required field")
    @EnumSource(EventType.class)
    void schemaRejectsMissingField(EventType type) {
        ObjectNode json = EventJson.mapper().valueToTree(EventFixtures.sampleOf(type));
        json.remove(type.payloadType().getRecordComponents()[0].getName());

        assertThat(EventSchemas.violations(type, json)).isNotEmpty();
    }

    @Test
    @DisplayName("CloudEvents types are unique and versioned")
    void ceTypesAreUniqueAndVersioned() {
        Set<String> types = Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toSet());

        assertThat(types).hasSize(EventType.values().length);
        assertThat(types).allMatch(t -> t.matches("city\\.yingzao\\.[a-z]+\\.[A-Za-z]+\\.v\\d+"));
    }

    @Test
    @DisplayName("a household's record key keeps the community code first, so it partitions with its community")
    void householdKeyStartsWithCommunity() {
        assertThat(EventFixtures.householdInGroupOne().recordKey()).isEqualTo("510104021001:H0001");
        assertThat(EventFixtures.shuijingfangWithTwoGroups().recordKey()).isEqualTo("510104021001");
    }

    @Test
    @DisplayName("a certificate event partitions by person, so one person's certificate history stays in order")
    void certificationsPartitionByPerson() {
        assertThat(EventFixtures.evaluatorCertified().partitionKey()).isEqualTo("evaluator");
        assertThat(EventFixtures.evaluatorRevoked().partitionKey()).isEqualTo("evaluator");
        assertThat(EventFixtures.evaluatorCertified().leavesCertified()).isTrue();
        assertThat(EventFixtures.evaluatorExpired().leavesCertified()).isFalse();
        assertThat(EventFixtures.evaluatorSuspended().leavesCertified()).isFalse();
    }

    @Test
    @DisplayName("grants events partition by their target code (a community, or a street or district for G7 platforms)")
    void grantsEventsPartitionByTarget() {
        assertThat(EventFixtures.elderlyCanteenStarted().partitionKey()).isEqualTo("510104021001");
        assertThat(EventFixtures.elderlyCanteenSecondTranche().partitionKey()).isEqualTo("510104021001");
        assertThat(EventFixtures.supportCentreOfShuijingfang().recordKey()).isEqualTo("510104021001:ORG-SW-01");
    }
}
