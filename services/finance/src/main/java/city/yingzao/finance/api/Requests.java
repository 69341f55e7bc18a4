package city.yingzao.finance.api;

import city.yingzao.finance.application.FundPolicyService.PolicyChange;
import city.yingzao.finance.application.ProjectService.NewProject;
import city.yingzao.finance.application.VoteService.PaperLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies. Amounts are integer fen; rules on them are checked by the domain, shapes here. */
final class Requests {

    private Requests() {
    }

    record PolicyRequest(@NotNull Long ruralFloorFen, @NotNull Long urbanPer100HouseholdsFen, @NotNull Integer cityPercentMainUrban,
                         @NotNull Integer cityPercentNearSuburb, @NotNull Integer cityPercentFarSuburb,
                         @NotBlank @Size(max = 1000) String reason) {
        PolicyChange toChange() {
            return new PolicyChange(ruralFloorFen, urbanPer100HouseholdsFen, cityPercentMainUrban, cityPercentNearSuburb,
                    cityPercentFarSuburb, reason);
        }
    }

    record AllocationRunRequest(@NotNull Integer fundYear) {
    }

    record ProjectRequest(@NotNull Integer fundYear, @NotBlank @Size(max = 500) String title, @NotBlank String category,
                          @Size(max = 2000) String purpose, @NotNull Long budgetFen, Long contributionFen,
                          @NotBlank String urgency) {
        NewProject toProject() {
            return new NewProject(fundYear, title, category, purpose, budgetFen, contributionFen == null ? 0 : contributionFen,
                    urgency);
        }
    }

    record StepRequest(@NotNull Integer step, @Size(max = 2000) String note) {
    }

    record HearingRequest(@NotBlank @Size(max = 2000) String summary, @NotNull Integer attendees) {
    }

    record PaymentRequest(@NotNull Long amountFen, @Size(max = 300) String memo) {
    }

    record RoundRequest(@Size(max = 500) String title, @NotNull List<String> projectIds, java.time.Instant closesAt) {
    }

    record BallotRequest(@NotNull List<String> approvals) {
    }

    record PaperBallotRequest(@NotBlank @Size(max = 32) String householdCode, @NotNull List<String> approvals) {
        PaperLine toLine() {
            return new PaperLine(householdCode, approvals);
        }
    }

    /** A stack of paper ballots; its largest size is a setting, checked by the application. */
    record PaperBallotStackRequest(@NotEmpty List<@Valid @NotNull PaperBallotRequest> ballots) {
    }

    record DonationRequest(@NotNull Integer fundYear, @NotBlank String donorType, @Size(max = 200) String donorName,
                           @NotNull Long amountFen, @NotBlank @Size(max = 400) String purpose) {
    }

    record GrantRequest(@NotNull Integer fundYear, @NotBlank @Size(max = 32) String orgCode, @NotNull Long amountFen,
                        @NotBlank @Size(max = 400) String purpose) {
    }

    /** F6: why a project ends without being carried out (public on the disclosure page). */
    public record EndingRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }
}
