package city.yingzao.kernel.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Turns every error into RFC 9457 problem details; bad input never becomes a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.of(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(Problem.TYPE_PREFIX + "validation", "The request is not valid", 400,
                errors.size() + " field(s) not valid", path(uri), List.of(), errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> a + "." + b).orElse(null)
                : null;
        String repeated = duplicateKey(e);
        if (repeated != null) {
            String duplicate = e instanceof InvalidDefinitionException && field != null ? field : repeated;
            return respond(new Problem(Problem.TYPE_PREFIX + "duplicate-key", "The body repeats a key", 400,
                    duplicate + ": appears more than once in the same object; send each field once", path(uri), List.of(),
                    List.of(Problem.FieldError.of(duplicate, "appears more than once"))));
        }
        String message = humane(e);
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(Problem.FieldError.of(field, message));
        if (e instanceof StrictJson.NulCharacter) {
            return respond(new Problem(Problem.TYPE_PREFIX + "nul-character", "The request contains a NUL character", 400,
                    field == null ? message : field + ": " + message, path(uri), List.of(), errors));
        }
        return respond(new Problem(Problem.TYPE_PREFIX + "unreadable-body", "The body is not readable JSON of the expected shape",
                400, field == null ? message : field + ": " + message, path(uri), List.of(), errors));
    }

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.*)'");
    private static final Pattern REPEATED_CREATOR_PROPERTY =
            Pattern.compile("^No fallback setter/field defined for creator property '([^']*)'");

    /**
     * The key a body repeats, with the path of its object ({@code candidates.[0].votes}), or null. Jackson reports it
     * as a parse error (strict duplicate detection, {@link StrictJson}) or, for a record whose properties were all set
     * before the repeat, as an "invalid definition" of the record.
     */
    static String duplicateKey(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonParseException) {
            Matcher m = DUPLICATE_FIELD.matcher(original);
            if (m.find()) {
                // the parser stands on the repeated key: its pointer is the key's path ("/candidates/0/votes")
                String at = e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null
                        ? p.getParsingContext().pathAsPointer().toString() : "";
                return at.endsWith("/" + m.group(1))
                        ? at.substring(1).replaceAll("(^|/)(\\d+)(?=/|$)", "$1[$2]").replace('/', '.')
                        : m.group(1);
            }
        }
        if (e instanceof InvalidDefinitionException) {
            Matcher m = REPEATED_CREATOR_PROPERTY.matcher(original);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** What went wrong, in words for the person who sent it: no Java class names. */
    static String humane(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            if (f.getTargetType().isEnum()) {
                return "\"" + f.getValue() + "\" is not one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                        .map(Object::toString).sorted().collect(Collectors.joining(", "));
            }
            return "\"" + f.getValue() + "\" is not a valid " + kind(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && m.getPath().isEmpty()) {
            return "expected " + kind(m.getTargetType());
        }
        String original = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        // "city.yingzao.x.Requests$Register" -> "Register"
        return original.replaceAll("`?(?:[a-z][a-z0-9_]*\\.)+(?:[A-Za-z0-9_]+\\$)?([A-Za-z0-9_]+)`?", "$1");
    }

    private static String kind(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        return "JSON object";
    }

    /** Replaces Quarkus' own mapper for these, whose body is not problem details. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /**
     * Replaces Quarkus' own mapper, which answers an empty 500: a record that got a key twice is the client's
     * doing (400 {@code duplicate-key}); any other definition problem is ours (500 problem with a reference).
     */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
        return duplicateKey(e) != null ? unreadableJson(e, uri) : unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "forbidden", "Your role may not do this", 403,
                "your roles do not allow this action", path(uri), List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri); // Quarkus REST wraps the reader's Jackson failure in a 400
            }
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        return respond(new Problem(Problem.TYPE_PREFIX + slug(status.getReasonPhrase()), status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), path(uri), List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String sqlState = sqlStateOf(e);
        if (UNIQUE_VIOLATION.equals(sqlState)) {
            // two requests wrote the same key at once; the database refused the second
            return respond(new Problem(Problem.TYPE_PREFIX + "already-exists", "Already exists", 409,
                    "another request registered the same thing at the same moment; nothing was changed",
                    path(uri), List.of(), List.of()));
        }
        if (SERIALIZATION_FAILURE.equals(sqlState) || DEADLOCK.equals(sqlState)) {
            return respond(new Problem(Problem.TYPE_PREFIX + "conflict", "Conflicts with a concurrent change", 409,
                    "a concurrent change got there first; nothing was changed, try again", path(uri), List.of(), List.of()));
        }
        if (DatabaseUnavailable.is(e)) {
            // the database is away (restarting, failing over, no connection to be had): passing, not a bug
            LOG.warnf("the database is unavailable on %s: %s", path(uri), rootMessage(e));
            return respond(new Problem(Problem.TYPE_PREFIX + "unavailable", "Try again shortly", 503,
                    "the database cannot be reached right now; try again in a moment",
                    path(uri), List.of(), List.of()));
        }
        if (sqlState != null && NUL_IN_TEXT.contains(sqlState)) {
            return refusedValue(e, sqlState, uri, "nul-character", "The request contains a NUL character",
                    "a text contains a NUL character (U+0000) or another character the database cannot store; nothing was changed");
        }
        if (STRING_TOO_LONG.equals(sqlState)) {
            return refusedValue(e, sqlState, uri, "too-long", "A value is too long",
                    "a text is longer than the database stores for it; nothing was changed");
        }
        if (NUMERIC_OUT_OF_RANGE.equals(sqlState)) {
            return refusedValue(e, sqlState, uri, "out-of-range", "A number is out of range",
                    "a number is larger or smaller than the database stores for it; nothing was changed");
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return respond(new Problem(Problem.TYPE_PREFIX + "internal", "Something went wrong on our side", 500,
                "reference " + reference, path(uri), List.of(), List.of()));
    }

    /**
     * PostgreSQL refused a value the request carried, when no check of the service caught it first: a 400, and
     * logged, since a value the service built itself (a memo, a label) would end here too.
     */
    private static Response refusedValue(Exception e, String sqlState, UriInfo uri, String slug, String title, String detail) {
        LOG.warnf("the database refused a value (SQLSTATE %s) on %s: %s", sqlState, path(uri), rootMessage(e));
        return respond(new Problem(Problem.TYPE_PREFIX + slug, title, 400, detail, path(uri), List.of(), List.of()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** character_not_in_repertoire (NUL in text), untranslatable_character (NUL in jsonb). */
    private static final Set<String> NUL_IN_TEXT = Set.of("22021", "22P05");
    private static final String STRING_TOO_LONG = "22001";
    private static final String NUMERIC_OUT_OF_RANGE = "22003";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private static String sqlStateOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String field(ConstraintViolation<?> v) {
        // "register.request.code" -> "code": drop the method and parameter nodes
        List<String> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                .map(n -> n.getName() == null ? "" : n.getName()).toList();
        return nodes.size() > 2 ? String.join(".", nodes.subList(2, nodes.size())) : nodes.get(nodes.size() - 1);
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
