package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Finance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** The finance service (quarkus.rest-client.finance.url). */
@RegisterRestClient(configKey = "finance")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
public interface FinanceClient {

    @GET
    @Path("public/communities/{code}/finance")
    Finance.CommunityFinance disclosure(@PathParam("code") String community);

    @GET
    @Path("public/communities/{code}/ledger")
    List<Finance.Entry> ledger(@PathParam("code") String community, @QueryParam("year") Integer year);

    @GET
    @Path("public/communities/{code}/ledger.csv")
    @Produces("text/csv")
    String ledgerCsv(@PathParam("code") String community, @QueryParam("year") Integer year);

    // --- portal-city: operators and community staff ---

    @GET
    @Path("allocations/districts")
    Finance.DistrictAllocations allocationsByDistrict(@QueryParam("year") int year);

    @GET
    @Path("allocations")
    Finance.AllocationPage allocations(@QueryParam("year") int year, @QueryParam("district") String district,
            @QueryParam("after") String after, @QueryParam("size") Integer size);

    @GET
    @Path("fund-policies/{year}")
    Finance.Policy policy(@PathParam("year") int year);

    @PUT
    @Path("fund-policies/{year}")
    @Consumes("application/json")
    Finance.Policy changePolicy(@PathParam("year") int year, Finance.PolicyRequest request);

    @GET
    @Path("fund-policies/{year}/changes")
    List<Finance.PolicyChange> policyChanges(@PathParam("year") int year);

    @GET
    @Path("public/communities/{code}/projects")
    List<Finance.Project> projects(@PathParam("code") String community);

    @GET
    @Path("public/communities/{code}/vote-rounds")
    List<Finance.Round> rounds(@PathParam("code") String community);

    @GET
    @Path("projects/{id}")
    Finance.Project project(@PathParam("id") String id);

    @POST
    @Path("communities/{code}/projects")
    @Consumes("application/json")
    Finance.Project propose(@PathParam("code") String community, Finance.ProjectRequest request);

    @POST
    @Path("projects/{id}/steps")
    @Consumes("application/json")
    Finance.Project step(@PathParam("id") String id, Finance.StepRequest request);

    @POST
    @Path("projects/{id}/hearing")
    @Consumes("application/json")
    Finance.Project hearing(@PathParam("id") String id, Finance.HearingRequest request);

    @POST
    @Path("projects/{id}/payments")
    @Consumes("application/json")
    Finance.Payment pay(@PathParam("id") String id, Finance.PaymentRequest request);

    @POST
    @Path("projects/{id}/withdrawal")
    @Consumes("application/json")
    Finance.Project withdraw(@PathParam("id") String id, Finance.EndingRequest request);

    @POST
    @Path("projects/{id}/rejection")
    @Consumes("application/json")
    Finance.Project reject(@PathParam("id") String id, Finance.EndingRequest request);

    @POST
    @Path("communities/{code}/vote-rounds")
    @Consumes("application/json")
    Map<String, Object> openRound(@PathParam("code") String community, Finance.RoundRequest request);

    /** F7: whether and how the ballot of the caller's household was recorded in a round (NOT_RECORDED when not). */
    @GET
    @Path("communities/{code}/vote-rounds/{round}/my-ballot")
    Finance.HouseholdBallot myBallot(@PathParam("code") String community, @PathParam("round") String round);

    @POST
    @Path("communities/{code}/vote-rounds/{round}/close")
    Finance.Round closeRound(@PathParam("code") String community, @PathParam("round") String round);

    @POST
    @Path("communities/{code}/vote-rounds/{round}/ballots")
    @Consumes("application/json")
    Finance.Receipt vote(@PathParam("code") String community, @PathParam("round") String round, Finance.BallotRequest request);

    @POST
    @Path("communities/{code}/vote-rounds/{round}/paper-ballots/batch")
    @Consumes("application/json")
    Finance.PaperStackResult paperStack(@PathParam("code") String community, @PathParam("round") String round,
            Finance.PaperStack stack);

    @POST
    @Path("communities/{code}/microfund/donations")
    @Consumes("application/json")
    Map<String, Object> donate(@PathParam("code") String community, Finance.DonationRequest request);

    @POST
    @Path("communities/{code}/microfund/grants")
    @Consumes("application/json")
    Map<String, Object> microGrant(@PathParam("code") String community, Finance.MicroGrantRequest request);
}
