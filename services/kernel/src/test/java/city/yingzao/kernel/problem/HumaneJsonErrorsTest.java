package city.yingzao.kernel.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("JSON errors are told in words for the person who sent them")
class HumaneJsonErrorsTest {

    enum Tier { MAIN_URBAN, NEAR_SUBURB, FAR_SUBURB }

    record Registration(String code, Tier tier, int households) {
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @DisplayName("an unknown enum value lists the accepted ones")
    void enumValue() {
        String message = ProblemMappers.humane(failure("{\"code\":\"A\",\"tier\":\"SUBURBAN\",\"households\":1}"));

        assertThat(message).isEqualTo("\"SUBURBAN\" is not one of FAR_SUBURB, MAIN_URBAN, NEAR_SUBURB");
    }

    @Test
    @DisplayName("no Java class name reaches the client")
    void noClassNames() {
        String message = ProblemMappers.humane(failure("{\"code\":{\"nested\":1}}"));

        assertThat(message).doesNotContain("city.yingzao").doesNotContain("java.lang").doesNotContain("$");
    }

    @Test
    @DisplayName("a repeated key is named, whether the strict parser or the record binding finds it")
    void repeatedKey() {
        ObjectMapper strict = new ObjectMapper();
        new StrictJson().customize(strict);
        String body = "{\"code\":\"A\",\"tier\":\"MAIN_URBAN\",\"households\":1,\"households\":2}";

        assertThat(ProblemMappers.duplicateKey(failure(strict, body))).isEqualTo("households");
        assertThat(ProblemMappers.duplicateKey(failure(json, body))).isEqualTo("households");
        assertThat(ProblemMappers.duplicateKey(failure(json, "{\"code\":{\"nested\":1}}"))).isNull();
    }

    @Test
    @DisplayName("a NUL inside a text value is refused by the strict reader, with the field's path")
    void nulCharacter() {
        ObjectMapper strict = new ObjectMapper();
        new StrictJson().customize(strict);

        JsonProcessingException e = failure(strict, "{\"code\":\"A\\u0000B\",\"tier\":\"MAIN_URBAN\",\"households\":1}");

        assertThat(e).isInstanceOf(StrictJson.NulCharacter.class);
        assertThat(((com.fasterxml.jackson.databind.JsonMappingException) e).getPath().get(0).getFieldName()).isEqualTo("code");
    }

    private JsonProcessingException failure(String body) {
        return failure(json, body);
    }

    private static JsonProcessingException failure(ObjectMapper json, String body) {
        return catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Registration.class));
    }
}
