package city.yingzao.finance.application;

import city.yingzao.finance.domain.OneHouseholdOneVote;
import city.yingzao.finance.infrastructure.TurnoutStore;
import city.yingzao.finance.infrastructure.TurnoutStore.CommunityTurnout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** F7 for district operators: how many registered households voted, per community of their district, in a year. */
@ApplicationScoped
public class TurnoutService {

    @Inject
    TurnoutStore turnout;

    @Inject
    Access access;

    public record Line(String communityCode, String name, long closedRounds, long ballots, long registeredHouseholds, Double percent) {
        static Line of(CommunityTurnout t) {
            return new Line(t.communityCode(), t.name(), t.rounds(), t.ballots(), t.registered(),
                    OneHouseholdOneVote.turnoutPercent(t.ballots(), t.registered()));
        }
    }

    public record DistrictTurnout(String district, int year, long communities, long closedRounds, long ballots,
                                  long registeredHouseholds, Double percent, int page, int size, List<Line> items) {
    }

    @Transactional
    public DistrictTurnout district(String district, int year, int page, int size) {
        access.requireReadDistrict(district);
        TurnoutStore.Totals total = turnout.totals(district, year);
        List<Line> items = turnout.page(district, year, page * size, size).stream().map(Line::of).toList();
        return new DistrictTurnout(district, year, total.communities(), total.rounds(), total.ballots(), total.registered(),
                OneHouseholdOneVote.turnoutPercent(total.ballots(), total.registered()), page, size, items);
    }
}
