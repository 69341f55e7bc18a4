package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.BallotChannel;
import city.yingzao.finance.domain.VoteRound;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Vote rounds, ballots and the live tally (F7). */
@ApplicationScoped
public class VoteStore {

    /**
     * A whole batch of ballots in one statement: only households active in the replica of the
     * round's community, only into an open round of that community, only approving candidates;
     * the first ballot of a household wins (primary key), and the counters move in the same
     * statement. Returns the (round, household) pairs really recorded.
     */
    private static final String RECORD_BATCH = """
            with incoming as (
                select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[])
                    as b(round_id, community_code, household_code, channel, approvals, recorded_by, sheet)
            ), recorded as (
                insert into ballot (round_id, household_code, channel, approvals, recorded_by, recorded_at, sheet)
                select b.round_id, b.household_code, b.channel, b.approvals::uuid[], b.recorded_by, now(), b.sheet
                from incoming b
                join vote_round r on r.id = b.round_id and r.community_code = b.community_code and r.status = 'OPEN'
                    and (r.closes_at is null or r.closes_at > now())
                join replica_household h on h.community_code = b.community_code and h.code = b.household_code and h.active
                where b.approvals::uuid[] <@ r.candidates
                on conflict (round_id, household_code) do nothing
                returning round_id, household_code, channel, approvals
            ), per_round as (
                update vote_round v set ballots = v.ballots + c.n, online_ballots = v.online_ballots + c.online,
                    paper_ballots = v.paper_ballots + c.paper
                from (select round_id, count(*) as n, count(*) filter (where channel = 'ONLINE') as online,
                        count(*) filter (where channel = 'PAPER') as paper
                      from recorded group by round_id) c
                where v.id = c.round_id
            ), per_project as (
                update vote_tally t set approvals = t.approvals + c.n
                from (select round_id, project_id, count(*) as n
                      from recorded, unnest(recorded.approvals) as project_id group by round_id, project_id) c
                where t.round_id = c.round_id and t.project_id = c.project_id
            )
            select round_id, household_code from recorded""";

    @Inject
    Jdbc jdbc;

    /** One ballot waiting to be recorded; {@code sheet} names the paper sheet or stack of a paper entry (null online). */
    public record PendingBallot(String roundId, String communityCode, String householdCode, BallotChannel channel,
                                List<String> approvals, String recordedBy, String sheet) {

        public String key() {
            return roundId + "/" + householdCode;
        }
    }

    public void open(VoteRound round, String by) {
        jdbc.update("""
                insert into vote_round (id, community_code, title, candidates, status, opened_by, opened_at, closes_at)
                values (?, ?, ?, ?::uuid[], 'OPEN', ?, ?, ?)""",
                Jdbc.uuid(round.id()), round.communityCode(), round.title(), round.candidates().toArray(String[]::new),
                by, round.openedAt(), round.closesAt());
        jdbc.update("insert into vote_tally (round_id, project_id) select ?, unnest(?::uuid[])", Jdbc.uuid(round.id()),
                round.candidates().toArray(String[]::new));
    }

    public Optional<VoteRound> find(String id, boolean lock) {
        return jdbc.one("select * from vote_round where id = ?" + (lock ? " for update" : ""), VoteStore::round, Jdbc.uuid(id));
    }

    public List<VoteRound> ofCommunity(String communityCode) {
        return jdbc.list("select * from vote_round where community_code = ? order by opened_at, id", VoteStore::round,
                communityCode);
    }

    /** Closes the round; its turnout is frozen against the community's active households at that moment. */
    public void close(String id, Instant at) {
        jdbc.update("update vote_round set status = 'CLOSED', closed_at = ?, registered_households = " + ACTIVE_HOUSEHOLDS
                + " where id = ?", at, Jdbc.uuid(id));
    }

    /** The active households of the round's community in the replica (the round row is {@code vote_round}). */
    private static final String ACTIVE_HOUSEHOLDS = "(select count(*) from replica_household h"
            + " where h.community_code = vote_round.community_code and h.active)";

    /** F7 turnout: the community's households registered (active) in the replica now. */
    public long activeHouseholds(String communityCode) {
        return jdbc.one("select count(*) from replica_household where community_code = ? and active", rs -> rs.getLong(1),
                communityCode).orElse(0L);
    }

    /** Approvals per candidate project, in the round's candidate order. */
    public Map<String, Long> tally(String roundId) {
        Map<String, Long> tally = new LinkedHashMap<>();
        jdbc.list("""
                select t.project_id, t.approvals from vote_round r cross join unnest(r.candidates) with ordinality as c(id, n)
                join vote_tally t on t.round_id = r.id and t.project_id = c.id where r.id = ? order by c.n""",
                rs -> tally.put(rs.getString(1), rs.getLong(2)), Jdbc.uuid(roundId));
        return tally;
    }

    /** A candidate's line of a tally: its title and approvals. */
    public record TallyRow(String projectId, String title, long approvals) {
    }

    /** The tallies of every round of a community, by round id, each in its candidate order: one query. */
    public Map<String, List<TallyRow>> talliesOfCommunity(String communityCode) {
        Map<String, List<TallyRow>> tallies = new HashMap<>();
        jdbc.list("""
                select r.id, t.project_id, p.title, t.approvals
                from vote_round r cross join unnest(r.candidates) with ordinality as c(id, n)
                join vote_tally t on t.round_id = r.id and t.project_id = c.id
                left join project p on p.id = c.id
                where r.community_code = ? order by r.id, c.n""",
                rs -> tallies.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new TallyRow(rs.getString(2), rs.getString(3), rs.getLong(4))), communityCode);
        return tallies;
    }

    /** The channel of the household's recorded ballot in the round, if any. */
    public Optional<BallotChannel> channelOf(String roundId, String householdCode) {
        return jdbc.one("select channel from ballot where round_id = ? and household_code = ?",
                rs -> BallotChannel.valueOf(rs.getString(1)), Jdbc.uuid(roundId), householdCode);
    }

    /** A ballot as recorded: for the household's own view, a paper entry's list, and voiding. */
    public record RecordedBallot(String roundId, String householdCode, BallotChannel channel, List<String> approvals, String sheet,
                                 String recordedBy, Instant recordedAt) {
    }

    /** A ballot voided (F7): what it was, and who voided it, when and why. */
    public record VoidedBallot(String id, String roundId, String householdCode, BallotChannel channel, List<String> approvals,
                               String sheet, String recordedBy, Instant recordedAt, String voidedBy, Instant voidedAt,
                               String reason) {
    }

    /** The household's recorded ballot in the round; {@code lock} takes its row (a void). */
    public Optional<RecordedBallot> ballotOf(String roundId, String householdCode, boolean lock) {
        return jdbc.one("select * from ballot where round_id = ? and household_code = ?" + (lock ? " for update" : ""),
                VoteStore::recorded, Jdbc.uuid(roundId), householdCode);
    }

    /** The household's voided entries in the round, oldest first. */
    public List<VoidedBallot> voidedOf(String roundId, String householdCode) {
        return jdbc.list("select * from voided_ballot where round_id = ? and household_code = ? order by voided_at, id",
                VoteStore::voided, Jdbc.uuid(roundId), householdCode);
    }

    /**
     * F7: voids a recorded ballot: it leaves {@code ballot} (the household may be entered again) for
     * {@code voided_ballot}, and the round's and candidates' counters lose it, in one transaction.
     */
    public VoidedBallot voidBallot(RecordedBallot b, String id, String by, Instant at, String reason) {
        jdbc.update("delete from ballot where round_id = ? and household_code = ?", Jdbc.uuid(b.roundId()), b.householdCode());
        jdbc.update("""
                insert into voided_ballot (id, round_id, household_code, channel, approvals, sheet, recorded_by, recorded_at,
                    voided_by, voided_at, void_reason)
                values (?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?)""", Jdbc.uuid(id), Jdbc.uuid(b.roundId()), b.householdCode(),
                b.channel().name(), b.approvals().toArray(String[]::new), b.sheet(), b.recordedBy(), b.recordedAt(), by, at, reason);
        boolean online = b.channel() == BallotChannel.ONLINE;
        jdbc.update("""
                update vote_round set ballots = ballots - 1, online_ballots = online_ballots - ?, paper_ballots = paper_ballots - ?
                where id = ?""", online ? 1 : 0, online ? 0 : 1, Jdbc.uuid(b.roundId()));
        if (!b.approvals().isEmpty()) {
            jdbc.update("update vote_tally set approvals = approvals - 1 where round_id = ? and project_id = any(?::uuid[])",
                    Jdbc.uuid(b.roundId()), b.approvals().toArray(String[]::new));
        }
        return new VoidedBallot(id, b.roundId(), b.householdCode(), b.channel(), b.approvals(), b.sheet(), b.recordedBy(),
                b.recordedAt(), by, at, reason);
    }

    /** One paper entry of a round for its staff: recorded, or voided (then by whom, when, why). No choices. */
    public record PaperEntry(String householdCode, String sheet, Instant recordedAt, String enteredBy, boolean voided,
                             String voidedBy, Instant voidedAt, String voidReason) {
    }

    /** The round's paper entries, recorded and voided, by household then time; a page of them. */
    public List<PaperEntry> paperEntries(String roundId, int offset, int limit) {
        return jdbc.list("""
                select household_code, sheet, recorded_at, recorded_by, false as voided, null as voided_by,
                       null::timestamptz as voided_at, null as void_reason
                from ballot where round_id = ? and channel = 'PAPER'
                union all
                select household_code, sheet, recorded_at, recorded_by, true, voided_by, voided_at, void_reason
                from voided_ballot where round_id = ? and channel = 'PAPER'
                order by household_code, recorded_at offset ? limit ?""",
                rs -> new PaperEntry(rs.getString("household_code"), rs.getString("sheet"), Jdbc.instant(rs, "recorded_at"),
                        rs.getString("recorded_by"), rs.getBoolean("voided"), rs.getString("voided_by"),
                        Jdbc.instant(rs, "voided_at"), rs.getString("void_reason")),
                Jdbc.uuid(roundId), Jdbc.uuid(roundId), offset, limit);
    }

    /** How many paper entries the round has, recorded and voided. */
    public long paperEntryCount(String roundId) {
        return jdbc.one("""
                select (select count(*) from ballot where round_id = ? and channel = 'PAPER')
                     + (select count(*) from voided_ballot where round_id = ? and channel = 'PAPER')""",
                rs -> rs.getLong(1), Jdbc.uuid(roundId), Jdbc.uuid(roundId)).orElse(0L);
    }

    private static RecordedBallot recorded(ResultSet rs) throws SQLException {
        return new RecordedBallot(rs.getString("round_id"), rs.getString("household_code"), BallotChannel.valueOf(rs.getString("channel")),
                Jdbc.uuids(rs, "approvals"), rs.getString("sheet"), rs.getString("recorded_by"), Jdbc.instant(rs, "recorded_at"));
    }

    private static VoidedBallot voided(ResultSet rs) throws SQLException {
        return new VoidedBallot(rs.getString("id"), rs.getString("round_id"), rs.getString("household_code"),
                BallotChannel.valueOf(rs.getString("channel")), Jdbc.uuids(rs, "approvals"), rs.getString("sheet"),
                rs.getString("recorded_by"), Jdbc.instant(rs, "recorded_at"), rs.getString("voided_by"),
                Jdbc.instant(rs, "voided_at"), rs.getString("void_reason"));
    }

    /** Records a batch (one statement, counters included); returns the keys ({@code round/household}) recorded. */
    public Set<String> recordBatch(List<PendingBallot> batch) {
        return jdbc.work(c -> {
            int n = batch.size();
            Object[] rounds = new Object[n];
            Object[] communities = new Object[n];
            Object[] households = new Object[n];
            Object[] channels = new Object[n];
            Object[] approvals = new Object[n];
            Object[] by = new Object[n];
            Object[] sheets = new Object[n];
            Set<String> roundIds = new HashSet<>();
            for (int i = 0; i < n; i++) {
                PendingBallot b = batch.get(i);
                rounds[i] = Jdbc.uuid(b.roundId());
                communities[i] = b.communityCode();
                households[i] = b.householdCode();
                channels[i] = b.channel().name();
                approvals[i] = "{" + String.join(",", b.approvals()) + "}";
                by[i] = b.recordedBy();
                sheets[i] = b.sheet();
                roundIds.add(b.roundId());
            }
            // the rounds are share-locked first: a close (row lock) waits for this batch, and a batch after a close sees it
            try (PreparedStatement lock = c.prepareStatement("select id from vote_round where id = any(?::uuid[]) for share")) {
                lock.setArray(1, c.createArrayOf("uuid", roundIds.toArray()));
                lock.executeQuery().close();
            }
            Set<String> recorded = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(RECORD_BATCH)) {
                s.setArray(1, c.createArrayOf("uuid", rounds));
                s.setArray(2, c.createArrayOf("varchar", communities));
                s.setArray(3, c.createArrayOf("varchar", households));
                s.setArray(4, c.createArrayOf("varchar", channels));
                s.setArray(5, c.createArrayOf("text", approvals));
                s.setArray(6, c.createArrayOf("varchar", by));
                s.setArray(7, c.createArrayOf("varchar", sheets));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        recorded.add(rs.getString(1) + "/" + rs.getString(2));
                    }
                }
            }
            return recorded;
        });
    }

    static VoteRound round(ResultSet rs) throws SQLException {
        return new VoteRound(rs.getString("id"), rs.getString("community_code"), rs.getString("title"),
                Jdbc.uuids(rs, "candidates"), VoteRound.Status.valueOf(rs.getString("status")), rs.getLong("ballots"),
                rs.getLong("online_ballots"), rs.getLong("paper_ballots"), Jdbc.instant(rs, "opened_at"),
                Jdbc.instant(rs, "closed_at"), Jdbc.instant(rs, "closes_at"),
                (Integer) rs.getObject("registered_households"));
    }

    /**
     * F7: closes the open rounds whose deadline passed, at their deadline; a round a batch is writing
     * to (share-locked) is skipped and closed on the next run, and two replicas never close one twice.
     */
    public List<String> closeDue(Instant now) {
        return jdbc.list("""
                update vote_round set status = 'CLOSED', closed_at = closes_at, registered_households = """ + ACTIVE_HOUSEHOLDS + """
                where id in (select id from vote_round where status = 'OPEN' and closes_at <= ? for update skip locked)
                returning id""", rs -> rs.getString(1), now);
    }
}
