package city.yingzao.portal.api;

import city.yingzao.portal.application.CouncilWork;
import city.yingzao.portal.application.CouncilWork.CouncilDesk;
import city.yingzao.portal.application.CouncilWork.MeetingRoom;
import city.yingzao.portal.domain.Deliberation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * Councils at work (D1-D13): a member's meetings and the meeting room (agenda, live quorum, sign in, the floor, the
 * secret ballot island), the chair's console in the same room, and the staff's and party reviewer's desk of
 * councils, meetings and proposals. Who may do what is deliberation's answer, not the page's.
 */
@Path("/council")
@Authenticated
@Localised
@Produces(MediaType.TEXT_HTML)
public class CouncilPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(List<CouncilDesk> desks);

        static native TemplateInstance room(MeetingRoom room);

        static native TemplateInstance room$live(MeetingRoom room);

        static native TemplateInstance proposal(Deliberation.Proposal proposal);
    }

    @Inject
    CouncilWork work;

    @Inject
    Visitor visitor;

    /** The councils of the person's communities with their meetings and proposals (members, chairs, staff, reviewers). */
    @GET
    public TemplateInstance desk() {
        return Templates.desk(work.desks(visitor.communities()));
    }

    @GET
    @Path("meetings/{id}")
    public TemplateInstance room(@PathParam("id") UUID meeting) {
        return Templates.room(work.room(meeting));
    }

    /** The live part of the room (quorum, floor, the question), polled by htmx every few seconds. */
    @GET
    @Path("meetings/{id}/live")
    public TemplateInstance live(@PathParam("id") UUID meeting) {
        return Templates.room$live(work.room(meeting));
    }

    @POST
    @Path("meetings/{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@PathParam("id") UUID meeting, @FormParam("personId") @Size(max = 64) String person) {
        return Forms.act(roomOf(meeting), "signed-in", () -> work.signIn(meeting, blankToNull(person)));
    }

    @POST
    @Path("meetings/{id}/floor-requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForTheFloor(@PathParam("id") UUID meeting, @FormParam("side") @NotBlank @Pattern(regexp = "FOR|AGAINST") String side) {
        return Forms.act(roomOf(meeting), "floor-asked", () -> work.askForTheFloor(meeting, side));
    }

    @POST
    @Path("meetings/{id}/motions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") UUID meeting, @FormParam("text") @NotBlank @Size(max = 2000) String text) {
        return Forms.act(roomOf(meeting), "moved", () -> work.move(meeting, text.trim()));
    }

    // --- the chair's console ---

    @POST
    @Path("meetings/{id}/items/{item}/open")
    public Response openItem(@PathParam("id") UUID meeting, @PathParam("item") UUID item) {
        return Forms.act(roomOf(meeting), "item-opened", () -> work.openItem(meeting, item));
    }

    @POST
    @Path("meetings/{id}/floor/next")
    public Response nextSpeaker(@PathParam("id") UUID meeting) {
        return Forms.act(roomOf(meeting), "floor-given", () -> work.nextSpeaker(meeting));
    }

    @POST
    @Path("meetings/{id}/floor/end")
    public Response endTurn(@PathParam("id") UUID meeting) {
        return Forms.act(roomOf(meeting), "turn-ended", () -> work.endTurn(meeting));
    }

    @POST
    @Path("meetings/{id}/motions/{motion}/vote")
    public Response putToVote(@PathParam("id") UUID meeting, @PathParam("motion") UUID motion) {
        return Forms.act(roomOf(meeting), "put-to-vote", () -> work.putToVote(motion));
    }

    @POST
    @Path("meetings/{id}/motions/{motion}/close-issuance")
    public Response closeIssuance(@PathParam("id") UUID meeting, @PathParam("motion") UUID motion) {
        return Forms.act(roomOf(meeting), "casting-opened", () -> work.closeIssuance(motion));
    }

    @POST
    @Path("meetings/{id}/motions/{motion}/close-vote")
    public Response closeVote(@PathParam("id") UUID meeting, @PathParam("motion") UUID motion) {
        return Forms.act(roomOf(meeting), "vote-closed", () -> work.closeVote(motion));
    }

    @POST
    @Path("meetings/{id}/close")
    public Response closeMeeting(@PathParam("id") UUID meeting) {
        return Forms.act(roomOf(meeting), "meeting-closed", () -> work.closeMeeting(meeting));
    }

    @POST
    @Path("meetings/{id}/minutes/publish")
    public Response publishMinutes(@PathParam("id") UUID meeting) {
        return Forms.act(roomOf(meeting), "minutes-published", () -> work.publishMinutes(meeting));
    }

    // --- proposals: the party reviewer's and staff's review (D5) ---

    @GET
    @Path("proposals/{id}")
    public TemplateInstance proposal(@PathParam("id") UUID proposal) {
        return Templates.proposal(work.proposal(proposal));
    }

    @POST
    @Path("proposals/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") UUID proposal, @FormParam("decision") @NotBlank @Pattern(regexp = "APPROVE|REJECT") String decision,
            @FormParam("reason") @Size(max = 2000) String reason) {
        return Forms.act("/council/proposals/" + proposal, "reviewed", () -> work.review(proposal, decision.equals("APPROVE"), reason));
    }

    private static String roomOf(UUID meeting) {
        return "/council/meetings/" + meeting;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
