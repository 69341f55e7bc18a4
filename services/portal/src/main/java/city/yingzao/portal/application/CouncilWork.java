package city.yingzao.portal.application;

import city.yingzao.portal.domain.Deliberation;
import city.yingzao.portal.infrastructure.DeliberationClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The work of councils (D1-D13) as members, chairs, staff, party reviewers and residents do it. Every call goes with
 * the person's own token; deliberation decides who may (a member signs only themselves in, only the designated
 * chair runs the meeting, a reviewer never reviews what they filed...).
 */
@ApplicationScoped
public class CouncilWork {

    @Inject
    @RestClient
    DeliberationClient deliberation;

    /** A meeting as its page shows it: the meeting, and the question before it with its ballot box when voting. */
    public record MeetingRoom(Deliberation.Meeting meeting, Deliberation.Motion question, Deliberation.BallotBox box) {

        public boolean voting() {
            return question != null && question.voting();
        }
    }

    /** A council with its meetings (newest first) and its proposals. */
    public record CouncilDesk(Deliberation.Council council, List<Deliberation.Meeting> meetings,
                              List<Deliberation.Proposal> proposals) {
    }

    public List<Deliberation.Council> councils(String community) {
        return deliberation.councils(community);
    }

    public List<CouncilDesk> desks(Iterable<String> communities) {
        List<CouncilDesk> desks = new ArrayList<>();
        for (String community : communities) {
            for (Deliberation.Council c : deliberation.councils(community)) {
                List<Deliberation.Meeting> meetings = new ArrayList<>(deliberation.meetings(c.id()));
                meetings.sort(Comparator.comparing(Deliberation.Meeting::scheduledAt, Comparator.nullsLast(Comparator.reverseOrder())));
                desks.add(new CouncilDesk(c, meetings, deliberation.proposals(c.id())));
            }
        }
        return desks;
    }

    public MeetingRoom room(UUID meeting) {
        Deliberation.Meeting m = deliberation.meeting(meeting);
        Deliberation.Motion question = m.question() == null ? null : deliberation.motion(m.question());
        Deliberation.BallotBox box = question != null && (question.voting() || question.decided()) ? ballotBoxOrNull(question.id()) : null;
        return new MeetingRoom(m, question, box);
    }

    private Deliberation.BallotBox ballotBoxOrNull(UUID motion) {
        try {
            return deliberation.ballotBox(motion);
        } catch (ServiceProblem notYet) {
            if (notYet.unavailable()) {
                throw notYet;
            }
            return null;
        }
    }

    // --- members ---

    public void signIn(UUID meeting, String person) {
        deliberation.signIn(meeting, person == null ? Map.of() : Map.of("personId", person));
    }

    public void askForTheFloor(UUID meeting, String side) {
        deliberation.askFloor(meeting, Map.of("side", side));
    }

    public void move(UUID meeting, String text) {
        deliberation.move(meeting, Map.of("text", text));
    }

    // --- the chair ---

    public void openItem(UUID meeting, UUID item) {
        deliberation.openItem(meeting, item);
    }

    public void nextSpeaker(UUID meeting) {
        deliberation.nextSpeaker(meeting);
    }

    public void endTurn(UUID meeting) {
        deliberation.endTurn(meeting);
    }

    public void putToVote(UUID motion) {
        deliberation.putToVote(motion);
    }

    public void closeIssuance(UUID motion) {
        deliberation.closeIssuance(motion);
    }

    public void closeVote(UUID motion) {
        deliberation.closeVote(motion);
    }

    public void closeMeeting(UUID meeting) {
        deliberation.close(meeting);
    }

    public void publishMinutes(UUID meeting) {
        deliberation.publishMinutes(meeting);
    }

    // --- proposals ---

    public Deliberation.Proposal proposal(UUID id) {
        return deliberation.proposal(id);
    }

    public void sign(UUID proposal) {
        deliberation.sign(proposal);
    }

    public void review(UUID proposal, boolean approve, String reason) {
        deliberation.review(proposal, reason == null || reason.isBlank()
                ? Map.of("decision", approve ? "APPROVE" : "REJECT")
                : Map.of("decision", approve ? "APPROVE" : "REJECT", "reason", reason.trim()));
    }

    public void object(UUID resolution, String text) {
        deliberation.object(resolution, Map.of("text", text));
    }

    public Deliberation.Proposal propose(UUID council, String title, String body) {
        return deliberation.propose(council, Map.of("title", title, "body", body, "subjectType", "GENERAL"));
    }
}
