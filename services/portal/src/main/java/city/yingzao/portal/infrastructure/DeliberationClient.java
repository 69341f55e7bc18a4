package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Deliberation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The deliberation service (quarkus.rest-client.deliberation.url). */
@RegisterRestClient(configKey = "deliberation")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
public interface DeliberationClient {

    // --- public ---

    @GET
    @Path("public/resolutions")
    List<Deliberation.Resolution> publicResolutions(@QueryParam("community") String community, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("public/resolutions/{id}")
    Deliberation.Resolution publicResolution(@PathParam("id") UUID id);

    @GET
    @Path("public/meetings/{id}/minutes")
    Deliberation.Minutes publicMinutes(@PathParam("id") UUID meeting);

    @GET
    @Path("public/motions/{id}/ballots")
    Deliberation.Tally tally(@PathParam("id") UUID motion);

    // --- councils, proposals ---

    @GET
    @Path("councils")
    List<Deliberation.Council> councils(@QueryParam("community") String community);

    @GET
    @Path("councils/{id}")
    Deliberation.Council council(@PathParam("id") UUID council);

    @GET
    @Path("councils/{id}/proposals")
    List<Deliberation.Proposal> proposals(@PathParam("id") UUID council);

    @POST
    @Path("councils/{id}/proposals")
    Deliberation.Proposal propose(@PathParam("id") UUID council, Map<String, Object> proposal);

    @GET
    @Path("proposals/{id}")
    Deliberation.Proposal proposal(@PathParam("id") UUID proposal);

    @POST
    @Path("proposals/{id}/signatures")
    Deliberation.Proposal sign(@PathParam("id") UUID proposal);

    @POST
    @Path("proposals/{id}/review")
    Deliberation.Proposal review(@PathParam("id") UUID proposal, Map<String, Object> review);

    @POST
    @Path("resolutions/{id}/objections")
    Deliberation.Resolution object(@PathParam("id") UUID resolution, Map<String, Object> objection);

    // --- meetings ---

    @GET
    @Path("councils/{id}/meetings")
    List<Deliberation.Meeting> meetings(@PathParam("id") UUID council);

    @GET
    @Path("meetings/{id}")
    Deliberation.Meeting meeting(@PathParam("id") UUID meeting);

    @POST
    @Path("meetings/{id}/attendance")
    Deliberation.Meeting signIn(@PathParam("id") UUID meeting, Map<String, Object> who);

    @POST
    @Path("meetings/{id}/floor-requests")
    Deliberation.Meeting askFloor(@PathParam("id") UUID meeting, Map<String, Object> side);

    @POST
    @Path("meetings/{id}/items/{item}/open")
    Deliberation.Meeting openItem(@PathParam("id") UUID meeting, @PathParam("item") UUID item);

    @POST
    @Path("meetings/{id}/motions")
    Deliberation.Motion move(@PathParam("id") UUID meeting, Map<String, Object> motion);

    @POST
    @Path("meetings/{id}/floor/next")
    Map<String, Object> nextSpeaker(@PathParam("id") UUID meeting);

    @POST
    @Path("meetings/{id}/floor/end")
    Map<String, Object> endTurn(@PathParam("id") UUID meeting);

    @POST
    @Path("meetings/{id}/close")
    Deliberation.Meeting close(@PathParam("id") UUID meeting);

    @POST
    @Path("meetings/{id}/minutes/publish")
    Deliberation.Minutes publishMinutes(@PathParam("id") UUID meeting);

    // --- motions and the secret ballot (D8) ---

    @GET
    @Path("motions/{id}")
    Deliberation.Motion motion(@PathParam("id") UUID motion);

    @POST
    @Path("motions/{id}/vote")
    Deliberation.BallotBox putToVote(@PathParam("id") UUID motion);

    @GET
    @Path("motions/{id}/ballot-box")
    Deliberation.BallotBox ballotBox(@PathParam("id") UUID motion);

    @POST
    @Path("motions/{id}/credentials")
    Map<String, Object> credential(@PathParam("id") UUID motion, Map<String, Object> blinded);

    /** Anonymous: the portal forwards a ballot without any token (the cast reaches it without the session cookie). */
    @POST
    @Path("ballots")
    Map<String, Object> cast(Map<String, Object> ballot);

    @POST
    @Path("motions/{id}/close-issuance")
    Deliberation.BallotBox closeIssuance(@PathParam("id") UUID motion);

    @POST
    @Path("motions/{id}/close-vote")
    Deliberation.Motion closeVote(@PathParam("id") UUID motion);
}
