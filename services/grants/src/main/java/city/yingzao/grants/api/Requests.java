package city.yingzao.grants.api;

import city.yingzao.grants.domain.Attachment;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.grants.application.ApplicationService;
import city.yingzao.grants.application.CallService;
import city.yingzao.grants.application.ProjectService;
import city.yingzao.grants.application.ReviewService;
import city.yingzao.grants.domain.BudgetLine;
import city.yingzao.grants.domain.Criterion;
import city.yingzao.grants.domain.PivotCategory;
import city.yingzao.grants.domain.Project;
import city.yingzao.grants.domain.SupervisionLogType;
import city.yingzao.grants.domain.TeamMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies: shapes and column widths here, rules in the domain. Amounts are integer fen. */
final class Requests {

    private Requests() {
    }

    static final String CODE = "[A-Za-z0-9_.:-]+";

    record ProgrammeRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 300) String title,
                            @NotNull @Min(1) Long budgetFen, @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String operatorOrg) {
    }

    record CriterionRequest(@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 200) String name,
                            @NotNull @Min(1) @Max(100) Integer weight) {
        Criterion toCriterion() {
            return new Criterion(code, name, weight);
        }
    }

    record CallRequest(@NotBlank @Size(max = 300) String title, @NotNull GrantTarget targetKind,
                       @Size(max = 100) Set<@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String> districtsInScope,
                       @Size(max = 6) Set<@NotNull PivotCategory> pivotCategories,
                       @Size(max = 6) Set<@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String> organisationTypes,
                       @NotNull @Min(0) @Max(600) Integer minRegistrationMonths, @NotNull @Min(1) Long maxAmountFen,
                       Boolean allowMultiplePerOrganisation, @NotNull LocalDate opensOn, @NotNull LocalDate closesOn,
                       @NotNull @Min(1) Long budgetFen, @NotEmpty @Size(max = 20) List<@Valid @NotNull CriterionRequest> rubric,
                       @NotNull @Min(1) @Max(100) Integer scaleMax, @NotNull @Min(1) @Max(20) Integer reviewsPerApplication,
                       @Min(0) @Max(100) Double disagreementThreshold, @Size(max = 64) @Pattern(regexp = CODE) String certificateScheme) {
        CallService.NewCall toCall() {
            return new CallService.NewCall(title, targetKind, districtsInScope, pivotCategories, organisationTypes, minRegistrationMonths,
                    maxAmountFen, Boolean.TRUE.equals(allowMultiplePerOrganisation), opensOn, closesOn, budgetFen,
                    rubric.stream().map(CriterionRequest::toCriterion).toList(), scaleMax, reviewsPerApplication,
                    disagreementThreshold == null ? 20 : disagreementThreshold, certificateScheme);
        }
    }

    record BudgetLineRequest(@NotBlank @Size(max = 200) String item, @NotNull Long amountFen) {
    }

    record TeamMemberRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String role) {
    }

    record ApplicationRequest(GrantTarget targetKind, @NotBlank @Size(max = 32) @Pattern(regexp = CODE) String targetCode,
                              @NotNull PivotCategory pivotCategory, @NotBlank @Size(max = 300) String title, @NotNull @Min(1) Long requestedFen,
                              @NotEmpty @Size(max = 100) List<@Valid @NotNull BudgetLineRequest> budget,
                              @Size(max = 50) List<@Valid @NotNull TeamMemberRequest> team, @Size(max = 20000) String projectLogic) {
        ApplicationService.Draft toDraft() {
            return new ApplicationService.Draft(targetKind, targetCode, pivotCategory, title, requestedFen,
                    budget.stream().map(b -> new BudgetLine(b.item(), b.amountFen())).toList(),
                    team == null ? List.of() : team.stream().map(t -> new TeamMember(t.name(), t.role())).toList(), projectLogic);
        }
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record OptionalReasonRequest(@Size(max = 2000) String reason) {
    }

    record JoinRequest(@Size(max = 200) String displayName,
                       @Size(max = 20) Set<@NotBlank @Size(max = 64) @Pattern(regexp = CODE) String> pastOrganisations) {
    }

    record MemberRequest(@NotBlank @Size(max = 128) String personId, @Size(max = 200) String displayName,
                         @Size(max = 20) Set<@NotBlank @Size(max = 64) @Pattern(regexp = CODE) String> organisations,
                         @Size(max = 50) Set<@NotBlank @Size(max = 32) @Pattern(regexp = CODE) String> communities,
                         @Size(max = 32) @Pattern(regexp = CODE) String districtCode,
                         @Size(max = 20) Set<@NotBlank @Size(max = 64) @Pattern(regexp = CODE) String> pastOrganisations,
                         @Size(max = 36) String supervisionGroupId) {
        ReviewService.NewMember toMember() {
            return new ReviewService.NewMember(personId, displayName, organisations, communities, districtCode, pastOrganisations,
                    supervisionGroupId);
        }
    }

    record GroupRequest(@NotBlank @Size(max = 200) String name, @Size(max = 32) @Pattern(regexp = CODE) String districtCode,
                        PivotCategory pivotCategory) {
    }

    record AssignRequest(@NotBlank @Size(max = 128) String personId, @NotBlank @Size(max = 2000) String reason) {
    }

    record ReviewRequest(@NotEmpty @Size(max = 20) Map<@NotBlank @Size(max = 32) String, @NotNull Integer> scores,
                         @Size(max = 20) Map<@NotBlank @Size(max = 32) String, @Size(max = 4000) String> comments) {
    }

    record AwardRequest(@NotNull @Size(max = 5000) List<@NotBlank @Size(max = 36) String> awarded,
                        @Size(max = 5000) Map<@NotBlank @Size(max = 36) String, @Size(max = 2000) String> reasons) {
    }

    record AgreementRequest(@NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    record SeatRequest(@NotBlank @Size(max = 128) String personId) {
    }

    record AttachmentRequest(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 1000) String reference,
                             @NotBlank @Pattern(regexp = "[0-9a-f]{64,64}") String sha256) {
    }

    record ReportRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 64) String period,
                         @NotBlank @Size(max = 100000) String body, @Size(max = 50) List<@Valid @NotNull AttachmentRequest> attachments) {
        ProjectService.NewReport toReport() {
            return new ProjectService.NewReport(title, period, body, attachments == null ? List.of()
                    : attachments.stream().map(a -> new Attachment(a.name(), a.reference(), a.sha256())).toList());
        }
    }

    record ReportReviewRequest(@NotBlank @Size(max = 4000) String note) {
    }

    record LogRequest(@NotNull SupervisionLogType type, @NotNull LocalDate happenedOn, @NotBlank @Size(max = 4000) String summary) {
    }

    record CloseRequest(@NotNull Project.Status outcome) {
    }
}
