package city.yingzao.evaluation.infrastructure;

import city.yingzao.evaluation.domain.CertifiedEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The evaluator pool (E2): the local copy of participatory evaluator certificates from {@code training.certifications}. */
@ApplicationScoped
public class EvaluatorCertificates {

    @Inject
    Jdbc jdbc;

    /** A person's latest participatory evaluator certificate (the one valid longest), whatever its status. */
    public Optional<CertifiedEvaluator.Certificate> current(String personId) {
        return jdbc.one("""
                select * from evaluator_certificate where person_id = ? and scheme = ?
                order by (status = 'CURRENT') desc, valid_until desc limit 1""", this::certificate, personId, CertifiedEvaluator.SCHEME);
    }

    /** Everyone whose certificate is current now: the pool. */
    public List<CertifiedEvaluator.Certificate> pool(Instant now) {
        return jdbc.list("""
                select distinct on (person_id) * from evaluator_certificate
                where scheme = ? and status = 'CURRENT' and valid_until > ? order by person_id, valid_until desc""",
                this::certificate, CertifiedEvaluator.SCHEME, now);
    }

    /** Applies one certificate event: one row per certificate, the latest event wins. */
    public void apply(String code, String personId, String holderName, String holderOrganisation, String scheme, String status,
            Instant validFrom, Instant validUntil, Instant occurredAt) {
        jdbc.update("""
                insert into evaluator_certificate (certificate_code, person_id, holder_name, holder_organisation, scheme, status,
                                                   valid_from, valid_until, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (certificate_code) do update set person_id = excluded.person_id, holder_name = excluded.holder_name,
                    holder_organisation = excluded.holder_organisation, scheme = excluded.scheme, status = excluded.status,
                    valid_from = excluded.valid_from, valid_until = excluded.valid_until, occurred_at = excluded.occurred_at
                where evaluator_certificate.occurred_at <= excluded.occurred_at""",
                code, personId, holderName, holderOrganisation, scheme, status, validFrom, validUntil, occurredAt);
    }

    private CertifiedEvaluator.Certificate certificate(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CertifiedEvaluator.Certificate(rs.getString("person_id"), rs.getString("status"), Jdbc.instant(rs, "valid_from"),
                Jdbc.instant(rs, "valid_until"), rs.getString("holder_organisation"));
    }
}
