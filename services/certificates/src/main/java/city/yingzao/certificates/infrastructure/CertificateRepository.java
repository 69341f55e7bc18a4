package city.yingzao.certificates.infrastructure;

import city.yingzao.certificates.domain.CertificateStatus;
import city.yingzao.certificates.domain.HeldCertificate;
import city.yingzao.contracts.training.CertificationEvent;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationRevokedV1;
import city.yingzao.contracts.training.CertificationSuspendedV1;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy of training's certificates, written set-based: a poll of events is one upsert. An event
 * replaces the row only when it is not older than the one that wrote it, and a revoked certificate
 * stays revoked (training never reinstates one). Inside a JTA transaction the connection is the
 * transaction's, so the consumer's record of event ids commits with these rows.
 */
@ApplicationScoped
public class CertificateRepository {

    private static final String COLUMNS = """
            certificate_code, person_id, holder_name, holder_organisation, scheme, valid_from, valid_until, status""";

    @Inject
    AgroalDataSource dataSource;

    public int apply(List<CertificationEvent> events) {
        return work(c -> {
            int changed = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    insert into certificate_copy (%s, reason, last_event_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (certificate_code) do update set person_id = excluded.person_id,
                        holder_name = excluded.holder_name, holder_organisation = excluded.holder_organisation,
                        scheme = excluded.scheme, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                        status = excluded.status, reason = excluded.reason, last_event_at = excluded.last_event_at
                    where certificate_copy.last_event_at <= excluded.last_event_at
                      and certificate_copy.status <> 'REVOKED'""".formatted(COLUMNS))) {
                for (CertificationEvent e : events) { // in the order read: one person's events in order
                    s.setString(1, e.certificateCode());
                    s.setString(2, e.personId());
                    s.setString(3, e.holderName());
                    s.setString(4, e.holderOrganisation());
                    s.setString(5, e.scheme());
                    s.setTimestamp(6, Timestamp.from(e.validFrom()));
                    s.setTimestamp(7, Timestamp.from(e.validUntil()));
                    s.setString(8, statusAfter(e).name());
                    s.setString(9, reasonOf(e));
                    s.setTimestamp(10, Timestamp.from(e.occurredAt()));
                    changed += s.executeUpdate();
                }
            }
            return changed;
        });
    }

    public List<HeldCertificate> ofPerson(String personId) {
        return query("where person_id = ? order by valid_until", s -> s.setString(1, personId));
    }

    /** Everyone whose certificate of the scheme is current at {@code at}, valid at least until {@code until}. */
    public List<HeldCertificate> validThrough(String scheme, Instant at, Instant until) {
        return query("where scheme = ? and status = 'CURRENT' and valid_from <= ? and valid_until > ? and valid_until >= ? "
                + "order by person_id, valid_until desc", s -> {
                    s.setString(1, scheme);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setTimestamp(3, Timestamp.from(at));
                    s.setTimestamp(4, Timestamp.from(until));
                });
    }

    private static CertificateStatus statusAfter(CertificationEvent e) {
        if (e.leavesCertified()) {
            return CertificateStatus.CURRENT;
        }
        if (e instanceof CertificationRevokedV1) {
            return CertificateStatus.REVOKED;
        }
        if (e instanceof CertificationSuspendedV1) {
            return CertificateStatus.SUSPENDED;
        }
        if (e instanceof CertificationExpiredV1) {
            return CertificateStatus.EXPIRED;
        }
        throw new IllegalArgumentException("unknown certification event " + e.getClass().getSimpleName());
    }

    private static String reasonOf(CertificationEvent e) {
        if (e instanceof CertificationRevokedV1 r) {
            return r.reason();
        }
        return e instanceof CertificationSuspendedV1 s ? s.reason() : null;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<HeldCertificate> query(String where, Binder binder) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from certificate_copy " + where)) {
                binder.bind(s);
                List<HeldCertificate> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new HeldCertificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                                CertificateStatus.valueOf(rs.getString(8))));
                    }
                }
                return rows;
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new PersistenceException("certificates copy: " + e.getMessage(), e);
        }
    }
}
