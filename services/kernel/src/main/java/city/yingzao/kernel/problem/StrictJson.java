package city.yingzao.kernel.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * The JSON every service reads is unambiguous and storable:
 * <ul>
 * <li>an object that repeats a key is refused ({@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}):
 * "first wins" and "last wins" readers would see different requests, and a record whose properties
 * were all set before the repeat made Jackson fail with an empty 500;</li>
 * <li>a text value holding a NUL character (U+0000) is refused with the field's name: PostgreSQL
 * cannot store it, and no field of the programme needs it;</li>
 * <li>a value of the wrong JSON kind is refused rather than converted: a number or {@code true} for a text
 * field, a number for a {@code true}/{@code false} field or a date (Jackson would store {@code "7"} and
 * {@code "true"} as names, read {@code 7} as {@code true} or as 1970-01-08).</li>
 * </ul>
 * The first two become 400 problems ({@code duplicate-key}, {@code nul-character}) in {@link ProblemMappers},
 * the third a 400 {@code unreadable-body} naming the field.
 * Applies to the REST mapper only; events are read by {@code EventJson}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("yingzao-strict-json").addDeserializer(String.class, new NoNulStrings()));
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime) // 7 for a date would be 1970-01-08
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    /** Jackson's own string reading (coercions included), then the NUL check. */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacter(p);
            }
            return value;
        }
    }

    /** A text value with a NUL character; Jackson adds the field's path on its way out. */
    static final class NulCharacter extends MismatchedInputException {

        NulCharacter(JsonParser p) {
            super(p, "contains a NUL character (U+0000), which cannot be stored", String.class);
        }
    }
}
