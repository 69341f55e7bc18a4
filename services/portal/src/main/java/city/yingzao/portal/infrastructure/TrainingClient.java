package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Training;
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

/** The training service (quarkus.rest-client.training.url). */
@RegisterRestClient(configKey = "training")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
public interface TrainingClient {

    @GET
    @Path("public/certificates/{code}")
    Training.Verification verify(@PathParam("code") String code);

    @GET
    @Path("public/map/geojson")
    Map<String, Object> geojson();

    @GET
    @Path("public/map/communities")
    Training.ProfilePage mapCommunities(@QueryParam("district") String district, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("public/map/tours")
    List<Training.StudyTour> tours();

    @GET
    @Path("public/sessions")
    List<Training.OpenSession> openSessions();

    @GET
    @Path("sessions")
    List<Training.Session> sessions();

    @GET
    @Path("sessions/{id}")
    Training.SessionView session(@PathParam("id") String id);

    @POST
    @Path("sessions/{id}/meetings/{seq}/code")
    Training.ShownCode showCode(@PathParam("id") String session, @PathParam("seq") int seq);

    @POST
    @Path("sessions/{id}/meetings/{seq}/attendance")
    Map<String, Object> attendance(@PathParam("id") String session, @PathParam("seq") int seq, Training.AttendanceRequest request);

    @POST
    @Path("sessions/{id}/meetings/{seq}/self-mark")
    Map<String, Object> selfMark(@PathParam("id") String session, @PathParam("seq") int seq, Training.CodeRequest request);

    @GET
    @Path("learners/me/enrolments")
    List<Training.Enrolment> myEnrolments();

    @GET
    @Path("learners/me/transcript")
    Training.Transcript myTranscript();

    @GET
    @Path("sessions/{id}/progress")
    Training.Progress progress(@PathParam("id") String session);
}
