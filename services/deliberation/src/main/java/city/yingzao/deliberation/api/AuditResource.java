package city.yingzao.deliberation.api;

import city.yingzao.deliberation.application.AuditLog;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The audit log of deliberation actions, newest first. */
@Path("/api/audit")
@Tag(name = "Audit", description = "Who did what and when in councils, proposals, meetings, votes and resolutions")
public class AuditResource {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed({Roles.COMMUNITY_STAFF, Roles.DISTRICT_OPERATOR, Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The audit log of a community (staff of it, its district's operators, the city operator, auditors; "
            + "the last two may leave community out), newest first; from (inclusive) and to (exclusive) are instants "
            + "or Asia/Shanghai days (YYYY-MM-DD); page from 0, size 1..200, default 50")
    public AuditLog.AuditPage read(@QueryParam("community") String community, @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        if (community != null && (community.isBlank() || community.length() > 32)) {
            throw Problems.invalid("community", "a community code of at most 32 characters");
        }
        return audit.read(Optional.ofNullable(community), instant("from", from, EARLIEST), instant("to", to, LATEST),
                number("page", page, 0, 0, 1_000_000), number("size", size, 50, 1, 200));
    }

    /** A whole number query parameter in [min, max], {@code otherwise} when absent; else 400. */
    static int number(String field, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw Problems.invalid(field, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, "must be a whole number");
        }
    }

    static Instant instant(String field, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
            }
            Instant at = Instant.parse(value);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw Problems.invalid(field, "must be between 2000 and 2100");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "an instant (2026-12-02T06:00:00Z) or a day (2026-12-02)");
        }
    }
}
