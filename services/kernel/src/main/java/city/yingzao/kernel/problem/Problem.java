package city.yingzao.kernel.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is stable and names what went wrong
 * ({@code urn:yingzao:problem:rule:D6}, {@code urn:yingzao:problem:validation}); clients branch
 * on it, people read {@code title} and {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<String> rules,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:yingzao:problem:";

    /** One thing wrong with the input: a field, or a row of an imported file and its field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer row, String field, String message) {

        public static FieldError of(String field, String message) {
            return new FieldError(null, field, message);
        }

        public static FieldError atRow(int row, String field, String message) {
            return new FieldError(row, field, message);
        }
    }
}
