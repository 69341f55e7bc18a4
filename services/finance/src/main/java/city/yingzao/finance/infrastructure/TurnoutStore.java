package city.yingzao.finance.infrastructure;

import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** F7 turnout per community of a district, for district operators: set-based, one query per page and one for the totals. */
@ApplicationScoped
public class TurnoutStore {

    @Inject
    Jdbc jdbc;

    /** A community's closed rounds of a year (Asia/Shanghai): their ballots and the households registered when each closed. */
    public record CommunityTurnout(String communityCode, String name, long rounds, long ballots, long registered) {
    }

    /** A district's totals over its communities. */
    public record Totals(long communities, long rounds, long ballots, long registered) {
    }

    private static final String ROUNDS = """
            left join vote_round r on r.community_code = c.code and r.status = 'CLOSED'
                 and extract(year from r.closed_at at time zone 'Asia/Shanghai') = ?
            where c.district_code = ?""";

    public List<CommunityTurnout> page(String district, int year, int offset, int size) {
        return jdbc.list("""
                select c.code, c.name, count(r.id) as rounds, coalesce(sum(r.ballots), 0) as ballots,
                       coalesce(sum(r.registered_households), 0) as registered
                from replica_community c
                """ + ROUNDS + " group by c.code, c.name order by c.code limit ? offset ?",
                rs -> new CommunityTurnout(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                year, district, size, offset);
    }

    /** The district's totals: communities, closed rounds, ballots, registered households. */
    public Totals totals(String district, int year) {
        return jdbc.one("""
                select count(distinct c.code), count(r.id), coalesce(sum(r.ballots), 0), coalesce(sum(r.registered_households), 0)
                from replica_community c
                """ + ROUNDS,
                rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                year, district).orElseThrow();
    }
}
