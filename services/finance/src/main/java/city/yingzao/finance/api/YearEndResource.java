package city.yingzao.finance.api;

import city.yingzao.finance.api.Requests.YearCloseRequest;
import city.yingzao.finance.application.YearEndService;
import city.yingzao.finance.application.YearEndService.CloseView;
import city.yingzao.finance.application.YearEndService.RunView;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** F1 year-end carry-over 结转 of the dedicated accounts. */
@Path("/api")
@Tag(name = "Year end", description = "Close a fund year and carry the balance to next year's account (F1)")
public class YearEndResource {

    @Inject
    YearEndService yearEnd;

    @POST
    @Path("communities/{code}/fund-years/{year}/close")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "F1: close a community's fund year (once; after it ended in Asia/Shanghai, or early=true), "
            + "carrying its balance to next year's account by a closing and an opening entry")
    public CloseView close(@PathParam("code") String code, @PathParam("year") @Min(2000) @Max(2199) int year,
            @Valid @Nullable @RequestBody(required = false) YearCloseRequest request) {
        return yearEnd.closeCommunity(code, year, request != null && Boolean.TRUE.equals(request.early()));
    }

    @POST
    @Path("fund-years/{year}/close")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "F1: close a fund year for every community of a district (or, without district, the city) "
            + "not closed yet, set-based")
    public RunView closeRun(@PathParam("year") @Min(2000) @Max(2199) int year,
            @QueryParam("district") @Size(max = 32) @Pattern(regexp = "^[A-Za-z0-9-]+$") String district,
            @Valid @Nullable @RequestBody(required = false) YearCloseRequest request) {
        return yearEnd.closeRun(district == null || district.isBlank() ? null : district,
                year, request != null && Boolean.TRUE.equals(request.early()));
    }
}
