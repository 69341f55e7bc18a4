package city.yingzao.finance.api;

import city.yingzao.finance.application.TurnoutService;
import city.yingzao.finance.application.TurnoutService.DistrictTurnout;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneId;

@Path("/api/districts/{code}/vote-turnout")
@Tag(name = "Household votes", description = "One household, one vote 一户一票 (F7): approval ballots, online or paper")
public class TurnoutResource {

    @Inject
    TurnoutService turnout;

    @GET
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "F7 turnout per community of a district in a year (closed rounds, ballots against the households "
            + "registered when each closed), with the district's totals; paged by community code (page from 0, size 1..200)")
    public DistrictTurnout district(@PathParam("code") String district, @QueryParam("year") String year,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        if (district == null || !district.matches("[A-Za-z0-9_-]{1,32}")) {
            throw Problems.invalid("code", "a district code: letters, digits, '-' or '_', at most 32");
        }
        int y = number("year", year, LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear(), 2000, 2100);
        return turnout.district(district, y, number("page", page, 0, 0, 100_000), number("size", size, 50, 1, 200));
    }

    private static int number(String name, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as out of range
        }
        throw Problems.invalid(name, "a whole number from " + min + " to " + max);
    }
}
