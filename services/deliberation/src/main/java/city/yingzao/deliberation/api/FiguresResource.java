package city.yingzao.deliberation.api;

import city.yingzao.deliberation.application.FiguresService;
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
            @QueryParam("year") String year, @QueryParam("page") String page, @QueryParam("size") String size) {
        if (code == null || code.isBlank() || code.length() > 32) {
            throw Problems.invalid("code", "a district code of at most 32 characters");
        }
        return figures.of(code, AuditResource.number("year", year, FiguresService.thisYear(clock), 2000, 2100),
                AuditResource.number("page", page, 0, 0, 1_000_000), AuditResource.number("size", size, 50, 1, 200));
    }
}
