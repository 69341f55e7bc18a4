package city.yingzao.finance.api;

import city.yingzao.finance.application.FundPolicyService.PolicyChange;
import city.yingzao.finance.application.ProjectService.NewProject;
import city.yingzao.finance.application.VoteService.PaperLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    /** F8: payeeOrg (an organisation's registry code) or payeeName (a supplier), and the voucher 发票/凭证号 (F1). */
    record PaymentRequest(@NotNull Long amountFen, @Size(max = 64) String payeeOrg, @Size(max = 100) String payeeName,
                          @NotBlank @Size(max = 40) String voucher, @Size(max = 300) String memo) {
        city.yingzao.finance.application.ProjectService.PaymentOrder toOrder() {
            return new city.yingzao.finance.application.ProjectService.PaymentOrder(amountFen, payeeOrg, payeeName, voucher, memo);
        }
    }

    /** F8: why a payment is reversed. */
    record ReversalRequest(@NotBlank @Size(max = 300) String reason) {
    }

    /** F1: close a fund year; {@code early} closes it before it has ended (Asia/Shanghai). */
    record YearCloseRequest(Boolean early) {
    }

    record RoundRequest(@Size(max = 500) String title, @NotNull List<String> projectIds, java.time.Instant closesAt) {
    }

    record BallotRequest(@NotNull List<String> approvals) {
    }

    /** F7: the number of a paper sheet or stack, e.g. S-2027-014. */
    static final String SHEET = "[A-Za-z0-9][A-Za-z0-9._/-]{0,31}";

    /** F7: one paper ballot, with the sheet it was read from (required). */
    record PaperBallotRequest(@NotBlank @Size(max = 32) String householdCode,
                              @NotBlank @Size(max = 32) @Pattern(regexp = SHEET, message = "a sheet number such as S-2027-014") String sheet,
                              @NotNull List<String> approvals) {
    }

    /** One line of a stack: its own sheet number if it has one, else the stack's. */
    record PaperStackLine(@NotBlank @Size(max = 32) String householdCode,
                          @Size(max = 32) @Pattern(regexp = SHEET, message = "a sheet number such as S-2027-014") String sheet,
                          @NotNull List<String> approvals) {
        PaperLine toLine(String stackSheet) {
            return new PaperLine(householdCode, sheet == null ? stackSheet : sheet, approvals);
        }
    }

    /** A stack of paper ballots with its stack number (required); its largest size is a setting, checked by the application. */
    record PaperBallotStackRequest(
            @NotBlank @Size(max = 32) @Pattern(regexp = SHEET, message = "a stack number such as S-2027-014") String sheet,
            @NotEmpty List<@Valid @NotNull PaperStackLine> ballots) {
    }

    /** F7: why a paper entry is voided (required). */
    record VoidRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    /** F3: a household count declared for a community and fund year, with the reason. */
    record HouseholdCountRequest(@NotNull @Min(0) @Max(10_000_000) Integer households, @NotBlank @Size(max = 1000) String reason) {
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
