package city.yingzao.deliberation.application;

import city.yingzao.deliberation.domain.BallotBoxState;
import city.yingzao.deliberation.domain.Choice;
import city.yingzao.deliberation.domain.ConventionKind;
import city.yingzao.deliberation.domain.CouncilLevel;
import city.yingzao.deliberation.domain.ItemState;
import city.yingzao.deliberation.domain.MeetingState;
import city.yingzao.deliberation.domain.MotionStatus;
import city.yingzao.deliberation.domain.ProposalStatus;
import city.yingzao.deliberation.domain.ProposerKind;
import city.yingzao.deliberation.domain.ResolutionState;
import city.yingzao.deliberation.domain.Side;
import city.yingzao.deliberation.domain.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API answers. No view of a ballot ever names a member. */
public final class Views {

    private Views() {
    }

    public record CouncilView(UUID id, String communityCode, CouncilLevel level, String unitCode, String name,
                              boolean constituted, Instant constitutedAt, int membership, List<SeatView> seats) {
    }

    public record SeatView(String personId, String groupCode, boolean cadre, LocalDate termStart, LocalDate termEnd) {
    }

    public record ElectionView(UUID id, UUID councilId, LocalDate heldOn, int seats, int voters, List<CandidateView> candidates) {
    }

    public record CandidateView(String personId, String groupCode, boolean cadre, int votes, boolean elected) {
    }

    public record ProposalView(UUID id, UUID councilId, String communityCode, String title, String body,
                               SubjectType subjectType, String subjectRef, ProposerKind proposerKind, String filedBy,
                               ProposalStatus status, int signatures, int signaturesNeeded, List<String> signers,
                               Instant filedAt, String reviewedBy, Instant reviewedAt, String reviewReason) {
    }

    public record MeetingView(UUID id, UUID councilId, String communityCode, String title, Instant scheduledAt,
                              String chairPersonId, MeetingState status, int membership, int present, int quorumNeeded,
                              boolean quorate, List<ItemView> items, List<AttendeeView> attendance, FloorView floor,
                              Instant minutesPublishedAt) {
    }

    public record ItemView(UUID id, int position, UUID proposalId, String title, SubjectType subjectType, String subjectRef,
                           ItemState status) {
    }

    /** A member's attendance; {@code signedInBy} is who signed them in (themselves, or the staff member who did). */
    public record AttendeeView(String personId, boolean present, Instant signedInAt, String signedInBy, Instant leftAt) {
    }

    /** The floor: the open item, the question before the meeting, who speaks and who waits. */
    public record FloorView(UUID openItem, UUID question, String speaker, Side speakerSide, List<WaitingView> waiting) {
    }

    public record WaitingView(String personId, Side side) {
    }

    public record MotionView(UUID id, UUID meetingId, UUID itemId, UUID amends, String text, String movedBy,
                             MotionStatus status, Integer yes, Integer no, Integer abstain, Integer membership,
                             String resultReason, Instant decidedAt) {
    }

    public record SpeechView(String personId, Side side, int seconds, boolean cutOff, int turnLimitSeconds) {
    }

    /** A grant of the floor: who speaks, for which side, within what time. */
    public record FloorGrant(String personId, Side side, int secondsAllowed) {
    }

    /**
     * The ballot box (D8): its phase, its RFC 9474 variant and public key (base64 SPKI DER);
     * credentials issued (and who took none); ballots cast while casting; once closed the tally, the
     * receipts and the public list of ballots.
     */
    public record BallotBoxView(UUID motionId, BallotBoxState status, String variant, String publicKeySpki, int membership,
                                Integer yes, Integer no, Integer abstain, int issued, Integer cast, Integer uncast,
                                List<String> receipts, List<PublicBallot> ballots, List<String> withoutCredential) {
    }

    /** One ballot of a closed box as published: SHA-256 of its ballot id, and its choice. Never a member. */
    public record PublicBallot(String receipt, Choice choice) {
    }

    /** D8: the verifiable tally of a closed vote, for anyone: counts and every ballot (receipt, choice) to recount. */
    public record PublicTally(UUID motionId, UUID meetingId, String motion, MotionStatus result, String resultReason,
                              int membership, int yes, int no, int abstain, int issued, int cast, int uncast,
                              List<PublicBallot> ballots) {
    }

    /** D8: RFC 9474 {@code blind_sig}, base64url without padding. */
    public record CredentialView(String blindSig) {
    }

    public record BallotReceipt(UUID ballotId, String receipt) {
    }

    public record ResolutionView(UUID id, UUID motionId, UUID councilId, String communityCode, CouncilLevel councilLevel,
                                 SubjectType subjectType, String subjectRef, String title, int yes, int no, int abstain,
                                 int membership, ResolutionState status, Instant publishedAt, int publicityDays, Instant adoptAt,
                                 Instant adoptedAt, List<ObjectionView> objections) {
    }

    /** An objection; the public sees its text and the response, not who filed it. */
    public record ObjectionView(UUID id, String filedBy, String text, Instant filedAt, String response,
                                String respondedBy, Instant respondedAt) {
    }

    public record AdoptionRun(int adopted, List<UUID> resolutions) {
    }

    public record ConventionView(UUID id, String communityCode, ConventionKind kind, String courtyardCode, String title,
                                 Integer adoptedVersion, List<ConventionVersionView> versions) {
    }

    public record ConventionVersionView(int version, city.yingzao.deliberation.domain.ConventionVersionState status, String text, Instant draftedAt, UUID resolutionId,
                                        Instant adoptedAt) {
    }

    public record ChecklistView(String communityCode, String courtyardCode, boolean hasOrganisation, boolean hasCompact,
                                boolean hasActivities, boolean affairsPublic, boolean complete, List<String> missing,
                                String note, Instant updatedAt) {
    }
}
