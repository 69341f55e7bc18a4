package city.yingzao.training.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.training.api.Requests.AttendanceRequest;
import city.yingzao.training.api.Requests.BatchEnrolmentRequest;
import city.yingzao.training.api.Requests.ScoreRequest;
import city.yingzao.training.api.Requests.SelfMarkRequest;
import city.yingzao.training.api.Requests.SessionRequest;
import city.yingzao.training.application.SessionService;
import city.yingzao.training.application.SessionService.EnrolmentResult;
import city.yingzao.training.application.SessionService.Progress;
import city.yingzao.training.application.SessionService.SessionView;
import city.yingzao.training.application.SessionService.ShownCode;
import city.yingzao.training.domain.Learner;
import city.yingzao.training.domain.TrainingSession;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/api/sessions")
@Tag(name = "Sessions", description = "Cohorts, enrolment with a waitlist, attendance per meeting, scores and completion (T3)")
public class SessionResource {

    @Inject
    SessionService sessions;

    @POST
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Open a session of a course with its scheduled meetings; a trainer runs their own, an operator names the trainer")
    public Response create(@Valid @NotNull SessionRequest r) {
        TrainingSession s = sessions.create(r.toSession());
        return Response.status(Response.Status.CREATED).entity(s).build();
    }

    @GET
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Sessions: a trainer's own, every session for operators and the auditor")
    public List<TrainingSession> list() {
        return sessions.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "A session with its roster, waitlist in order and attendance counts")
    public SessionView one(@PathParam("id") String id) {
        return sessions.view(id);
    }

    @POST
    @Path("{id}/enrolments")
    @Authenticated
    @Operation(summary = "Enrol yourself: a seat while one is free, else the end of the waitlist")
    public Response enrol(@PathParam("id") String id) {
        EnrolmentResult r = sessions.enrolSelf(id);
        return Response.status(Response.Status.CREATED).entity(r).build();
    }

    @DELETE
    @Path("{id}/enrolments/me")
    @Authenticated
    @Operation(summary = "Withdraw yourself; the first on the waitlist takes the seat")
    public EnrolmentResult withdrawSelf(@PathParam("id") String id) {
        return sessions.withdrawSelf(id);
    }

    @POST
    @Path("{id}/enrolments/batch")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Enrol a list of people in its order (the session's trainer or an operator)")
    public List<EnrolmentResult> enrolPeople(@PathParam("id") String id, @Valid @NotNull BatchEnrolmentRequest r) {
        return sessions.enrolPeople(id, r.people().stream().map(p -> new Learner(p.personId(), p.displayName(), p.organisation())).toList());
    }

    @DELETE
    @Path("{id}/enrolments/{person}")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Withdraw a learner (the session's trainer or an operator)")
    public EnrolmentResult withdraw(@PathParam("id") String id, @PathParam("person") String person) {
        return sessions.withdraw(id, person);
    }

    @POST
    @Path("{id}/meetings/{seq}/attendance")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Record who attended a scheduled meeting")
    public Map<String, Integer> attendance(@PathParam("id") String id, @PathParam("seq") int seq, @Valid @NotNull AttendanceRequest r) {
        return Map.of("marked", sessions.recordAttendance(id, seq, r.personIds()));
    }

    @POST
    @Path("{id}/meetings/{seq}/code")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Show a short-lived self-mark code for a meeting; the previous code stops working")
    public ShownCode code(@PathParam("id") String id, @PathParam("seq") int seq) {
        return sessions.issueCode(id, seq);
    }

    @POST
    @Path("{id}/meetings/{seq}/self-mark")
    @Authenticated
    @Operation(summary = "Mark your own attendance with the code shown; refused when wrong, replaced, expired or used")
    public Response selfMark(@PathParam("id") String id, @PathParam("seq") int seq, @Valid @NotNull SelfMarkRequest r) {
        sessions.selfMark(id, seq, r.code());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/scores/{person}")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Record a learner's course assessment score")
    public Response score(@PathParam("id") String id, @PathParam("person") String person, @Valid @NotNull ScoreRequest r) {
        sessions.score(id, person, r.score());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/progress")
    @Authenticated
    @Operation(summary = "Your progress towards completion, over all scheduled meetings (on demand)")
    public Progress progress(@PathParam("id") String id) {
        return sessions.progress(id);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Close the session: evaluate every seated learner's completion; completions may certify or renew")
    public List<Progress> close(@PathParam("id") String id) {
        return sessions.close(id);
    }
}
