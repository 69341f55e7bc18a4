package city.yingzao.training.api;

import city.yingzao.training.application.CatalogueService.CourseDraft;
import city.yingzao.training.application.MapService.ProfileEdit;
import city.yingzao.training.application.SessionService.NewMeeting;
import city.yingzao.training.application.SessionService.NewSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request bodies: shapes here, rules in the domain. Text limits match the columns that store them. */
final class Requests {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]*";
    static final String PERSON = "[A-Za-z0-9][A-Za-z0-9._@-]*";

    private Requests() {
    }

    record InstitutionRequest(@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 200) String name,
                              @NotBlank String kind) {
    }

    record CourseRequest(@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 32) String institutionCode,
                         @NotBlank @Size(max = 200) String title, @NotBlank String kind, @NotBlank String delivery,
                         @NotNull @Min(1) @Max(2000) Integer hours, @Size(max = 2000) String description,
                         @Size(max = 12) List<@NotBlank @Size(max = 32) String> audienceRoles,
                         @Size(max = 20) List<@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String> prerequisites,
                         @NotNull @DecimalMin("0") @DecimalMax("1") Double minAttendanceShare, @Min(0) @Max(100) Integer passScore) {
        CourseDraft draft() {
            return new CourseDraft(institutionCode, title, kind, delivery, hours, description, audienceRoles, prerequisites,
                    minAttendanceShare, passScore);
        }
    }

    record VersionRequest(@NotBlank @Size(max = 32) String institutionCode, @NotBlank @Size(max = 200) String title,
                          @NotBlank String kind, @NotBlank String delivery, @NotNull @Min(1) @Max(2000) Integer hours,
                          @Size(max = 2000) String description, @Size(max = 12) List<@NotBlank @Size(max = 32) String> audienceRoles,
                          @Size(max = 20) List<@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String> prerequisites,
                          @NotNull @DecimalMin("0") @DecimalMax("1") Double minAttendanceShare, @Min(0) @Max(100) Integer passScore) {
        CourseDraft draft() {
            return new CourseDraft(institutionCode, title, kind, delivery, hours, description, audienceRoles, prerequisites,
                    minAttendanceShare, passScore);
        }
    }

    record MeetingRequest(@NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    record SessionRequest(@NotBlank @Size(max = 32) String courseCode, @Min(1) Integer courseVersion, @NotBlank @Size(max = 200) String title,
                          @Size(max = 100) @Pattern(regexp = PERSON) String trainerId, @Size(max = 300) String place,
                          @Size(max = 500) @Pattern(regexp = "https?://\\S+") String onlineLink, @NotNull @Min(1) @Max(5000) Integer capacity,
                          @NotEmpty @Size(max = 200) List<@Valid @NotNull MeetingRequest> meetings) {
        NewSession toSession() {
            return new NewSession(courseCode, courseVersion, title, trainerId, place, onlineLink, capacity,
                    meetings.stream().map(m -> new NewMeeting(m.startsAt(), m.endsAt())).toList());
        }
    }

    record PersonRequest(@NotBlank @Size(max = 100) @Pattern(regexp = PERSON) String personId,
                         @NotBlank @Size(max = 200) String displayName, @Size(max = 64) String organisation) {
    }

    record BatchEnrolmentRequest(@NotEmpty @Size(max = 2000) List<@Valid @NotNull PersonRequest> people) {
    }

    record AttendanceRequest(@NotEmpty @Size(max = 5000) List<@NotBlank @Size(max = 100) String> personIds) {
    }

    record SelfMarkRequest(@NotBlank @Size(max = 12) String code) {
    }

    record ScoreRequest(@NotNull @Min(0) @Max(100) Integer score) {
    }

    record AssessmentRequest(@NotBlank @Size(max = 100) @Pattern(regexp = PERSON) String personId, @Size(max = 200) String displayName,
                             @Size(max = 64) String organisation, @NotNull @Min(0) @Max(100) Integer score) {
    }

    record EvidenceGrantRequest(@NotBlank @Size(max = 100) @Pattern(regexp = PERSON) String personId,
                                @NotBlank @Size(max = 200) String holderName, @Size(max = 64) String holderOrganisation,
                                @NotBlank @Size(max = 2000) String evidence, Instant validFrom) {
    }

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record ProfileRequest(@Size(max = 4000) String history, @Size(max = 4000) String culture, @Size(max = 2000) String specialities,
                          @Size(max = 2000) String resources, @Size(max = 24) String pivotCategory,
                          @DecimalMin("-90") @DecimalMax("90") Double latitude, @DecimalMin("-180") @DecimalMax("180") Double longitude) {
        ProfileEdit edit() {
            return new ProfileEdit(history, culture, specialities, resources, pivotCategory, latitude, longitude);
        }
    }

    record TourRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String theme,
                       @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 32) String> communities) {
    }
}
