package city.yingzao.deliberation.api;

import city.yingzao.deliberation.application.Commands;
import city.yingzao.deliberation.domain.Choice;
import city.yingzao.deliberation.domain.ConventionKind;
import city.yingzao.deliberation.domain.CouncilLevel;
import city.yingzao.deliberation.domain.ProposerKind;
import city.yingzao.deliberation.domain.Side;
import city.yingzao.deliberation.domain.SubjectType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Base64;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Request bodies, checked for shape (400 with field errors) before any use case runs. */
public final class Requests {

    static final String CODE = "[A-Za-z0-9-]{2,32}";
    static final String CODE_MESSAGE = "must be 2 to 32 letters, digits or hyphens";
    static final String PERSON = "[A-Za-z0-9._@-]{1,200}";
    static final String PERSON_MESSAGE = "must be a user name: letters, digits, dot, underscore, @ or hyphen";
    /** D8: a 256-byte value (RSA-2048: blinded message, blind signature, signature) in base64url without padding. */
    static final String B64URL_256 = "[A-Za-z0-9_-]{342}";
    static final String B64URL_256_MESSAGE = "must be 256 bytes in base64url without padding (342 characters)";
    /** D8: the 64-byte prepared message (32-byte prefix, 32-byte token) in base64url without padding. */
    static final String B64URL_64 = "[A-Za-z0-9_-]{86}";
    static final String B64URL_64_MESSAGE = "must be 64 bytes (prefix and token) in base64url without padding (86 characters)";

    private Requests() {
    }

    public record CreateCouncilRequest(
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String communityCode,
            @NotNull CouncilLevel level,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String unitCode,
            @NotBlank @Size(max = 200) String name) {
        Commands.CreateCouncil toCommand() {
            return new Commands.CreateCouncil(communityCode, level, unitCode, name.trim());
        }
    }

    public record CandidateRequest(
            @NotNull @Pattern(regexp = PERSON, message = PERSON_MESSAGE) String personId,
            boolean cadre,
            @NotNull @Min(0) Integer votes) {
    }

    public record ElectionRequest(
            @NotNull LocalDate heldOn,
            @NotNull @Min(1) @Max(500) Integer seats,
            @NotNull @Min(0) Integer voters,
            @NotNull LocalDate termStart,
            @NotNull LocalDate termEnd,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull CandidateRequest> candidates) {
        Commands.RecordElection toCommand() {
            return new Commands.RecordElection(heldOn, seats, voters, termStart, termEnd,
                    candidates.stream().map(c -> new Commands.Candidate(c.personId(), c.cadre(), c.votes())).toList());
        }
    }

    public record VacateRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record ProposalRequest(
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 5000) String body,
            @NotNull SubjectType subjectType,
            @Size(max = 64) String subjectRef,
            ProposerKind onBehalfOf) {
        Commands.FileProposal toCommand() {
            return new Commands.FileProposal(title.trim(), body.trim(), subjectType,
                    subjectRef == null || subjectRef.isBlank() ? null : subjectRef.trim(), Optional.ofNullable(onBehalfOf));
        }
    }

    /** The party reviewer's decision. */
    public enum Decision { APPROVE, REJECT }

    public record ReviewRequest(@NotNull Decision decision, @Size(max = 2000) String reason) {
        Commands.Review toCommand() {
            return new Commands.Review(decision == Decision.APPROVE, reason == null ? null : reason.trim());
        }
    }

    public record MeetingRequest(
            @NotBlank @Size(max = 500) String title,
            @NotNull Instant scheduledAt,
            @NotNull @Pattern(regexp = PERSON, message = PERSON_MESSAGE) String chairPersonId,
            @NotEmpty @Size(max = 50) List<@NotNull UUID> proposalIds) {
        Commands.ScheduleMeeting toCommand() {
            return new Commands.ScheduleMeeting(title.trim(), scheduledAt, chairPersonId, List.copyOf(proposalIds));
        }
    }

    /** Sign-in: a member signs themselves in (no body needed); staff name the member. */
    public record SignInRequest(@Pattern(regexp = PERSON, message = PERSON_MESSAGE) String personId) {
    }

    public record MotionRequest(@NotBlank @Size(max = 2000) String text) {
        Commands.MoveMotion toCommand() {
            return new Commands.MoveMotion(text.trim());
        }
    }

    public record FloorRequest(@NotNull Side side) {
        Commands.AskForFloor toCommand() {
            return new Commands.AskForFloor(side);
        }
    }

    /** D8 phase 1: RFC 9474 {@code blinded_msg}. */
    public record CredentialRequest(@NotNull @Pattern(regexp = B64URL_256, message = B64URL_256_MESSAGE) String blindedMsg) {
        Commands.IssueCredential toCommand() {
            return new Commands.IssueCredential(Base64.getUrlDecoder().decode(blindedMsg));
        }
    }

    public record BallotRequest(
            @NotNull UUID motionId,
            @NotNull @Pattern(regexp = B64URL_64, message = B64URL_64_MESSAGE) String preparedMsg,
            @NotNull @Pattern(regexp = B64URL_256, message = B64URL_256_MESSAGE) String signature,
            @NotNull Choice choice) {
        Commands.CastBallot toCommand() {
            return new Commands.CastBallot(motionId, Base64.getUrlDecoder().decode(preparedMsg),
                    Base64.getUrlDecoder().decode(signature), choice);
        }
    }

    public record ObjectionRequest(@NotBlank @Size(max = 2000) String text) {
    }

    public record ResponseRequest(@NotBlank @Size(max = 2000) String text) {
    }

    public record ConventionRequest(
            @NotNull ConventionKind kind,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String courtyardCode,
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 100000) String text) {
        Commands.CreateConvention toCommand() {
            return new Commands.CreateConvention(kind, courtyardCode, title.trim(), text);
        }
    }

    public record VersionRequest(@NotBlank @Size(max = 100000) String text) {
    }

    public record ChecklistRequest(
            @NotNull Boolean hasOrganisation,
            @NotNull Boolean hasCompact,
            @NotNull Boolean hasActivities,
            @NotNull Boolean affairsPublic,
            @Size(max = 1000) String note) {
        Commands.UpdateChecklist toCommand() {
            return new Commands.UpdateChecklist(hasOrganisation, hasCompact, hasActivities, affairsPublic, note);
        }
    }

    /** Why: a meeting cancelled, a proposal withdrawn (kept with who and when). */
    public record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record RescheduleRequest(@NotNull java.time.Instant scheduledAt) {
    }
}
