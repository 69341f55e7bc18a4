package city.yingzao.deliberation.api;

import city.yingzao.deliberation.api.Requests.FloorRequest;
import city.yingzao.deliberation.api.Requests.MotionRequest;
import city.yingzao.deliberation.api.Requests.SignInRequest;
import city.yingzao.deliberation.application.DebateService;
import city.yingzao.deliberation.application.MeetingService;
import city.yingzao.deliberation.application.Minutes;
import city.yingzao.deliberation.application.Views.FloorGrant;
import city.yingzao.deliberation.application.Views.MeetingView;
import city.yingzao.deliberation.application.Views.MotionView;
import city.yingzao.deliberation.application.Views.SpeechView;
import city.yingzao.kernel.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * A meeting under Robert's Rules (D6, D13). Chair actions (open an item, give and end the floor,
 * close) are for the meeting's designated chair alone (a staff member only when designated);
 * member actions for members of the council who are signed in.
 */
@Path("/api/meetings/{id}")
@Tag(name = "Meetings", description = "Sign-in, quorum (D6), Robert's Rules (D13), minutes")
public class MeetingResource {

    @Inject
    MeetingService meetings;

    @Inject
    DebateService debate;

    @GET
    @Authenticated
    @Operation(summary = "The meeting: agenda, attendance, quorum, the floor")
    public MeetingView get(@PathParam("id") UUID id) {
        return meetings.get(id);
    }

    @POST
    @Path("cancellation")
    @RolesAllowed({Roles.COMMUNITY_STAFF, Roles.CITY_OPERATOR})
    @Operation(summary = "Cancel a meeting that has not started, with a reason; its proposals may be scheduled again")
    public MeetingView cancel(@PathParam("id") UUID id, @Valid @NotNull Requests.ReasonRequest request) {
        return meetings.cancel(id, request.reason());
    }

    @PUT
    @Path("scheduled-at")
    @RolesAllowed({Roles.COMMUNITY_STAFF, Roles.CITY_OPERATOR})
    @Operation(summary = "Move a meeting that has not started to another time")
    public MeetingView reschedule(@PathParam("id") UUID id, @Valid @NotNull Requests.RescheduleRequest request) {
        return meetings.reschedule(id, request.scheduledAt());
    }

    @POST
    @Path("attendance")
    @RolesAllowed({Roles.COUNCIL_MEMBER, Roles.COMMUNITY_STAFF, Roles.CITY_OPERATOR})
    @Operation(summary = "Sign in: a member signs themselves in; staff sign in a member named in the body (recorded as signed in by them)")
    public MeetingView signIn(@PathParam("id") UUID id, @Valid @Nullable @RequestBody(required = false) SignInRequest request) {
        return meetings.signIn(id, Optional.ofNullable(request == null ? null : request.personId()));
    }

    @POST
    @Path("attendance/{personId}/leave")
    @RolesAllowed({Roles.COUNCIL_MEMBER, Roles.COMMUNITY_STAFF, Roles.CITY_OPERATOR})
    @Operation(summary = "A member leaves; quorum (D6) is re-checked by every later action")
    public MeetingView leave(@PathParam("id") UUID id, @PathParam("personId") String personId) {
        return meetings.leave(id, personId);
    }

    @POST
    @Path("items/{itemId}/open")
    @Authenticated
    @Operation(summary = "Chair: open an agenda item for debate (one at a time, quorate)")
    public MeetingView openItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return meetings.openItem(id, itemId);
    }

    @POST
    @Path("motions")
    @RolesAllowed(Roles.COUNCIL_MEMBER)
    @Operation(summary = "Member: move a motion on the open item (motion before debate)")
    public Response move(@PathParam("id") UUID id, @Valid @NotNull MotionRequest request) {
        MotionView motion = debate.move(id, request.toCommand());
        return Response.created(java.net.URI.create("/api/motions/" + motion.id())).entity(motion).build();
    }

    @POST
    @Path("floor-requests")
    @RolesAllowed(Roles.COUNCIL_MEMBER)
    @Operation(summary = "Member: ask for the floor, for or against the question before the meeting")
    public MeetingView askForFloor(@PathParam("id") UUID id, @Valid @NotNull FloorRequest request) {
        return debate.askForFloor(id, request.toCommand());
    }

    @POST
    @Path("floor/next")
    @Authenticated
    @Operation(summary = "Chair: give the floor to the next speaker (sides alternate when both wait)")
    public FloorGrant next(@PathParam("id") UUID id) {
        return debate.grantFloor(id);
    }

    @POST
    @Path("floor/end")
    @Authenticated
    @Operation(summary = "Speaker or chair: end the current turn (recorded, cut off at the limit)")
    public SpeechView end(@PathParam("id") UUID id) {
        return debate.endTurn(id);
    }

    @POST
    @Path("close")
    @Authenticated
    @Operation(summary = "Chair: close the meeting (no question pending)")
    public MeetingView close(@PathParam("id") UUID id) {
        return meetings.close(id);
    }

    @GET
    @Path("minutes")
    @Authenticated
    @Operation(summary = "The minutes, generated from the record (a draft until published)")
    public Minutes.MinutesView minutes(@PathParam("id") UUID id) {
        return meetings.minutes(id);
    }

    @POST
    @Path("minutes/publish")
    @Authenticated
    @Operation(summary = "Chair: publish the minutes of a closed meeting")
    public Minutes.MinutesView publish(@PathParam("id") UUID id) {
        return meetings.publishMinutes(id);
    }
}
