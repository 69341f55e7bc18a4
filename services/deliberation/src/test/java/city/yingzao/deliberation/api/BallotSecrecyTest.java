package city.yingzao.deliberation.api;

import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D8 as a database administrator would attack it: after a secret ballot, every table of the
 * service's schema is dumped (columns from information_schema, every row as text, and the ballot
 * rows' xmin and ctid), and nothing may link a ballot to the member who cast it.
 */
@QuarkusTest
@DisplayName("D8 secrecy of the ballot, seen from the database")
class BallotSecrecyTest {

    @Test
    @DisplayName("D8 after a vote no column, value, transaction id or row order links a ballot to a member")
    void nothingLinksABallotToAMember() throws Exception {
        MeetingFlow flow = new MeetingFlow();
        flow.schedule(flow.approvedProposal("增设快递柜", "GENERAL", null)).signIn(1, 20).openItem(0);
        String motion = flow.move(2, "同意在院落增设快递柜");
        JsonPath box = flow.putToVote(motion);
        List<String> castOrder = new ArrayList<>();
        List<String> tokenHashes = new ArrayList<>();
        var voters = flow.credentials(motion, box, 1, 20);
        flow.closeIssuance(motion);
        // cast in the order of the members: the order of casting is the order of issuance, the worst case
        voters.forEach((n, voter) -> {
            tokenHashes.add(voter.tokenHash());
            castOrder.add(MeetingFlow.cast(motion, voter, n % 3 == 0 ? "NO" : "YES"));
        });
        flow.closeVote(motion);
        List<String> members = MeetingFlow.people(flow.community, 1, 25);

        Map<String, List<String>> columns = columnsOfEveryTable();
        // the ballot table holds the ballot, its motion, its choice and the hash of its token: nothing else
        assertThat(columns.get("ballot")).containsExactlyInAnyOrder("ballot_id", "motion_id", "choice", "token_hash");
        // who took a credential is known, and nothing more: no time, no order
        assertThat(columns.get("credential_issuance")).containsExactlyInAnyOrder("motion_id", "person_id");

        Map<String, List<String>> rows = rowsOfEveryTable(columns);
        List<String> ballotRows = rows.get("ballot").stream().filter(r -> r.contains(motion)).toList();
        assertThat(ballotRows).hasSize(20);
        assertThat(ballotRows).allSatisfy(row -> assertThat(members).noneMatch(row::contains));
        // a ballot id or a token hash appears in the ballot table only, never beside a person anywhere else
        rows.forEach((table, tableRows) -> {
            if (!table.equals("ballot")) {
                for (String row : tableRows) {
                    assertThat(castOrder).as("ballot ids in table " + table).noneMatch(row::contains);
                    assertThat(tokenHashes).as("token hashes in table " + table).noneMatch(row::contains);
                }
            }
        });

        // one transaction re-inserted every ballot: their xmin are all equal
        assertThat(TestPostgres.count("select count(distinct xmin::text) from ballot where motion_id = ?", UUID.fromString(motion)))
                .isEqualTo(1);
        // their physical order is the order of their random ids, not the order of casting
        List<String> physical = query("select ballot_id::text from ballot where motion_id = '" + motion + "' order by ctid");
        assertThat(physical).containsExactlyElementsOf(castOrder.stream().sorted().toList());
        assertThat(physical).isNotEqualTo(castOrder);
        // the private key is gone: no credential can be issued after issuance closed
        assertThat(TestPostgres.queryValue("select private_key_sealed from ballot_box where motion_id = ?", UUID.fromString(motion))).isNull();
    }

    private static Map<String, List<String>> columnsOfEveryTable() throws Exception {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(
                "select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    private static Map<String, List<String>> rowsOfEveryTable(Map<String, List<String>> columns) throws Exception {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : columns.keySet()) {
            rows.put(table, query("select t.*, t.xmin::text, t.ctid::text from \"" + table + "\" t"));
        }
        return rows;
    }

    private static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(meta.getColumnCount() == 1 ? rs.getString(1) : row.toString());
            }
        }
        return rows;
    }
}
