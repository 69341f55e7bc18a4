package city.yingzao.portal.application;

import city.yingzao.portal.domain.Finance;
import city.yingzao.portal.infrastructure.FinanceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.List;

/**
 * Community staff's side of the community fund (F5-F7, F9): projects through the nine steps, payments, endings, vote rounds
 * with their paper stacks, and the micro-fund. Finance decides every gate; a refusal comes back as a {@link ServiceProblem}.
 */
@ApplicationScoped
public class CommunityFunds {

    @Inject
    @RestClient
    FinanceClient finance;

    /** The staff's start: the community's disclosure (accounts, projects, rounds). */
    public Finance.CommunityFinance community(String code) {
        return finance.disclosure(code);
    }

    public Finance.Project project(String id) {
        return finance.project(id);
    }

    public Finance.Project propose(String community, Finance.ProjectRequest request) {
        return finance.propose(community, request);
    }

    public Finance.Project step(String project, int step, String note) {
        return finance.step(project, new Finance.StepRequest(step, blankToNull(note)));
    }

    public Finance.Project hearing(String project, String summary, int attendees) {
        return finance.hearing(project, new Finance.HearingRequest(summary, attendees));
    }

    public Finance.Payment pay(String project, long amountFen, String payee, String voucher, String memo) {
        String p = blankToNull(payee);
        boolean organisation = p != null && p.matches("ORG-[A-Za-z0-9_-]{1,60}");
        return finance.pay(project, new Finance.PaymentRequest(amountFen, organisation ? p : null, organisation ? null : p,
                blankToNull(voucher), blankToNull(memo)));
    }

    public Finance.Project withdraw(String project, String reason) {
        return finance.withdraw(project, new Finance.EndingRequest(reason));
    }

    public Finance.Project reject(String project, String reason) {
        return finance.reject(project, new Finance.EndingRequest(reason));
    }

    public void openRound(String community, String title, List<String> projects, Instant closesAt) {
        finance.openRound(community, new Finance.RoundRequest(blankToNull(title), projects, closesAt));
    }

    public Finance.Round round(String community, String round) {
        return finance.rounds(community).stream().filter(r -> r.id().equals(round)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, null, "Not Found", null));
    }

    public Finance.Round closeRound(String community, String round) {
        return finance.closeRound(community, round);
    }

    public Finance.PaperStackResult paperStack(String community, String round, List<Finance.PaperBallot> ballots) {
        return finance.paperStack(community, round, new Finance.PaperStack(ballots));
    }

    public void donate(String community, Finance.DonationRequest request) {
        finance.donate(community, request);
    }

    public void grant(String community, Finance.MicroGrantRequest request) {
        finance.microGrant(community, request);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
