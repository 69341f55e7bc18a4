package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Grants;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The grants service (quarkus.rest-client.grants.url). */
@RegisterRestClient(configKey = "grants")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
public interface GrantsClient {

    /** The calls open for applications, for anyone. */
    @GET
    @Path("public/calls")
    List<Grants.Call> calls();

    /** Awards and their tranche releases, for anyone (G8). */
    @GET
    @Path("public/awards")
    Grants.Awards awards(@QueryParam("community") String community, @QueryParam("organisation") String organisation);

    /** The calls the caller may see, by status. */
    @GET
    @Path("calls")
    List<Grants.Call> callsByStatus(@QueryParam("status") String status);

    @GET
    @Path("calls/{id}")
    Grants.Call call(@PathParam("id") String id);

    @GET
    @Path("applications")
    List<Grants.Application> applications();

    @GET
    @Path("applications/{id}")
    Grants.ApplicationView application(@PathParam("id") String id);

    @POST
    @Path("calls/{id}/applications")
    Grants.Application draft(@PathParam("id") String call, Grants.ApplicationRequest request);

    @POST
    @Path("applications/{id}/submit")
    Grants.Application submit(@PathParam("id") String id);

    @GET
    @Path("projects")
    List<Grants.Project> projects(@QueryParam("organisation") String organisation);

    @GET
    @Path("projects/{id}")
    Grants.ProjectView project(@PathParam("id") String id);

    @GET
    @Path("projects/{id}/reports")
    List<Grants.Report> reports(@PathParam("id") String project);

    @POST
    @Path("projects/{id}/reports")
    Grants.Report fileReport(@PathParam("id") String project, Grants.ReportRequest request);

    @GET
    @Path("projects/{id}/supervision-logs")
    List<Grants.SupervisionLog> logs(@PathParam("id") String project);

    @POST
    @Path("projects/{id}/supervision-logs")
    Grants.SupervisionLog log(@PathParam("id") String project, Grants.LogRequest request);

    @GET
    @Path("reviewers/me/assignments")
    List<Grants.Assignment> assignments();

    @PUT
    @Path("applications/{id}/reviews/mine")
    Grants.Review review(@PathParam("id") String application, Grants.ReviewRequest request);

    @POST
    @Path("applications/{id}/conflicts")
    Grants.Conflict declareConflict(@PathParam("id") String application, Grants.ReasonRequest request);

    @POST
    @Path("programmes/{year}/ledger/verify")
    Grants.Verification verifyBudget(@PathParam("year") int year);
}
