package city.yingzao.portal.application;

import city.yingzao.portal.domain.Ballot;
import city.yingzao.portal.domain.Finance;
import city.yingzao.portal.infrastructure.FinanceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * F7, a resident's side: their community's open rounds and the household's online ballot. Finance records the household
 * of the resident's own token and refuses a second ballot of the household, whoever in it casts it.
 */
@ApplicationScoped
public class HouseholdVotes {

    @Inject
    @RestClient
    FinanceClient finance;

    public List<Finance.Round> open(String community) {
        return finance.rounds(community).stream().filter(Finance.Round::open).toList();
    }

    public List<Finance.Round> all(String community) {
        return finance.rounds(community);
    }

    /** An open round with what finance recorded of the caller's household in it. */
    public record OpenRound(Finance.Round round, Finance.HouseholdBallot mine) {

        public boolean voted() {
            return mine != null && mine.recorded();
        }
    }

    public List<OpenRound> withMyBallots(String community, List<Finance.Round> open) {
        return open.stream().map(r -> new OpenRound(r, finance.myBallot(community, r.id()))).toList();
    }

    public Finance.Receipt vote(String community, String round, List<String> chosen) {
        Finance.Round r = finance.rounds(community).stream().filter(x -> x.id().equals(round)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, null, "Not Found", null));
        List<String> candidates = r.tally().stream().map(Finance.TallyLine::projectId).toList();
        return finance.vote(community, round, new Finance.BallotRequest(Ballot.approvals(chosen, candidates)));
    }
}
