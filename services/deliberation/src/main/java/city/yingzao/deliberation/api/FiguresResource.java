package city.yingzao.deliberation.api;

import city.yingzao.deliberation.application.FiguresService;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/** Deliberation figures of a district for its operators. */
@Path("/api/districts/{code}/deliberation-figures")
@Tag(name = "Figures", description = "Per community of a district: councils, meetings, attendance, quorum, proposals, resolutions, objections")
public class FiguresResource {

    @Inject
    FiguresService figures;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.DISTRICT_OPERATOR, Roles.CITY_OPERATOR})
    @Operation(summary = "A year's (Asia/Shanghai, default this year) figures per community of the district (by code, "
            + "page from 0, size 1..200, default 50) and the district's totals: the district's operators, the city operator")
    public FiguresService.DistrictFigures get(@PathParam("code") String code,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if (code == null || code.isBlank() || code.length() > 32) {
            throw Problems.invalid("code", "a district code of at most 32 characters");
        }
        return figures.of(code, year == null ? FiguresService.thisYear(clock) : year, page, size);
    }
}
