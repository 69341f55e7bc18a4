package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.DonorType;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Donations into and grants out of community micro-funds (F9); donors' names stay in this table only. */
@ApplicationScoped
public class MicroFundStore {

    @Inject
    Jdbc jdbc;

    public void recordDonation(String id, String communityCode, int fundYear, DonorType donorType, String donorName,
            long amountFen, String purpose, String entryId, String by, Instant at) {
        jdbc.update("""
                insert into donation (id, community_code, fund_year, donor_type, donor_name, amount_fen, purpose, entry_id,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Jdbc.uuid(id), communityCode, fundYear, donorType, donorName, amountFen, purpose, Jdbc.uuid(entryId), by, at);
    }

    public void recordGrant(String id, String communityCode, int fundYear, String orgCode, long amountFen, String purpose,
            String entryId, String by, Instant at) {
        jdbc.update("""
                insert into grant_award (id, community_code, fund_year, org_code, amount_fen, purpose, entry_id,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Jdbc.uuid(id), communityCode, fundYear, orgCode, amountFen, purpose, Jdbc.uuid(entryId), by, at);
    }
}
