package city.yingzao.grants.api;

import city.yingzao.grants.api.Requests.CallRequest;
import city.yingzao.grants.api.Requests.ProgrammeRequest;
import city.yingzao.grants.application.BudgetLedger;
import city.yingzao.grants.application.CallService;
import city.yingzao.grants.domain.BudgetEntry;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/programmes")
@Tag(name = "Programmes", description = "Funding programmes and their calls (G1, G7), the budget ledger (G4)")
public class ProgrammeResource {

    @Inject
    CallService calls;

    @Inject
    BudgetLedger ledger;

    @POST
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Create the programme of a year with its budget (credited to its ledger)")
    public Response create(@Valid @NotNull ProgrammeRequest r) {
        return Response.status(Response.Status.CREATED).entity(calls.createProgramme(r.year(), r.title(), r.budgetFen(), r.operatorOrg())).build();
    }

    @GET
    @Path("{year}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    public CallService.ProgrammeView get(@PathParam("year") int year) {
        return calls.programme(year);
    }

    @POST
    @Path("{year}/calls")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Open a call; the tranche split and framework version in force are frozen onto it")
    public Response openCall(@PathParam("year") int year, @Valid @NotNull CallRequest r) {
        return Response.status(Response.Status.CREATED).entity(calls.openCall(year, r.toCall())).build();
    }

    @GET
    @Path("{year}/ledger")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    public List<BudgetEntry> ledger(@PathParam("year") int year) {
        calls.programme(year);
        return ledger.entries(year);
    }

    @POST
    @Path("{year}/ledger/verify")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Recompute the hash chain of the programme's budget ledger; the first break, if any")
    public BudgetLedger.Verification verify(@PathParam("year") int year) {
        calls.programme(year);
        return ledger.verify(year);
    }
}
