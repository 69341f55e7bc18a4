package city.yingzao.deliberation.application;

import city.yingzao.deliberation.domain.Choice;
import city.yingzao.deliberation.domain.ConventionKind;
import city.yingzao.deliberation.domain.CouncilLevel;
import city.yingzao.deliberation.domain.ProposerKind;
import city.yingzao.deliberation.domain.Side;
import city.yingzao.deliberation.domain.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the use cases are asked to do, already checked for shape by the API. */
public final class Commands {

    private Commands() {
    }

    public record CreateCouncil(String communityCode, CouncilLevel level, String unitCode, String name) {
    }

    public record RecordElection(LocalDate heldOn, int seats, int voters, LocalDate termStart, LocalDate termEnd,
                                 List<Candidate> candidates) {
    }

    public record Candidate(String personId, boolean cadre, int votes) {
    }

    public record FileProposal(String title, String body, SubjectType subjectType, String subjectRef,
                               Optional<ProposerKind> onBehalfOf) {
    }

    public record Review(boolean approve, String reason) {
    }

    public record ScheduleMeeting(String title, Instant scheduledAt, String chairPersonId, List<UUID> proposalIds) {
    }

    public record MoveMotion(String text) {
    }

    public record AskForFloor(Side side) {
    }

    /** D8: RFC 9474 {@code blinded_msg}, modulus_len bytes. */
    public record IssueCredential(byte[] blindedMsg) {
    }

    /** D8: the prepared message ({@code prefix ‖ token}, 64 bytes) and its RSASSA-PSS signature. */
    public record CastBallot(UUID motionId, byte[] preparedMsg, byte[] signature, Choice choice) {
    }

    public record CreateConvention(ConventionKind kind, String courtyardCode, String title, String text) {
    }

    public record UpdateChecklist(boolean hasOrganisation, boolean hasCompact, boolean hasActivities, boolean affairsPublic,
                                  String note) {
    }
}
