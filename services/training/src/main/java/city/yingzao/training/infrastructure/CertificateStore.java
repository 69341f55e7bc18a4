package city.yingzao.training.infrastructure;

import city.yingzao.kernel.persistence.Jdbc;
import city.yingzao.training.domain.Certificate;
import city.yingzao.training.domain.CertificateHistoryLine;
import city.yingzao.training.domain.CertificateStatus;
import city.yingzao.training.domain.HeldCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Certificates, their history (every grant, renewal, suspension, reinstatement, revocation, expiry) and assessments. */
@ApplicationScoped
public class CertificateStore {

    @Inject
    Jdbc jdbc;

    /** The latest assessment of a person for a scheme. */
    public record Assessment(int score, Instant assessedAt) {
    }

    public void insert(HeldCertificate h, Instant at) {
        Certificate c = h.certificate();
        jdbc.update("""
                insert into certificate (code, person_id, scheme_code, holder_name, holder_organisation, valid_from, valid_until, status,
                                         window_days, granted_at, granted_how, status_reason, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.code(), c.personId(), c.scheme(), h.holderName(),
                h.holderOrganisation(), c.validFrom(), c.validUntil(), c.status(), c.recertificationWindowDays(), h.grantedAt(),
                h.grantedHow(), h.statusReason(), at);
    }

    /** A new period or status; the certificate's row was locked by {@link #lock}. */
    public void update(Certificate c, String reason, Instant at) {
        jdbc.update("""
                update certificate set valid_from = ?, valid_until = ?, status = ?, window_days = ?, status_reason = ?, updated_at = ?
                where code = ?""", c.validFrom(), c.validUntil(), c.status(), c.recertificationWindowDays(), reason, at, c.code());
    }

    public void history(String code, String event, Certificate c, String reason, String evidence, String by, Instant at) {
        jdbc.update("""
                insert into certificate_history (certificate_code, event, valid_from, valid_until, reason, evidence, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", code, event, c.validFrom(), c.validUntil(), reason, evidence, by, at);
    }

    public List<CertificateHistoryLine> historyOf(String code) {
        return jdbc.list("select * from certificate_history where certificate_code = ? order by id",
                rs -> new CertificateHistoryLine(rs.getString("event"), Jdbc.instant(rs, "valid_from"), Jdbc.instant(rs, "valid_until"),
                        rs.getString("reason"), rs.getString("evidence"), rs.getString("recorded_by"), Jdbc.instant(rs, "recorded_at")), code);
    }

    public Optional<HeldCertificate> find(String code) {
        return jdbc.one("select * from certificate where code = ?", CertificateStore::held, code);
    }

    public Optional<HeldCertificate> lock(String code) {
        return jdbc.one("select * from certificate where code = ? for update", CertificateStore::held, code);
    }

    /** The certificate in force (ACTIVE or SUSPENDED) of a person for a scheme, locked. */
    public Optional<HeldCertificate> inForce(String personId, String scheme) {
        return jdbc.one("select * from certificate where person_id = ? and scheme_code = ? and status in ('ACTIVE', 'SUSPENDED') for update",
                CertificateStore::held, personId, scheme);
    }

    /** When the person's last certificate of the scheme ended (expired or revoked), or null. */
    public Instant lastEnded(String personId, String scheme) {
        return jdbc.list("""
                select max(case when status = 'REVOKED' then updated_at else valid_until end) as ended from certificate
                where person_id = ? and scheme_code = ? and status in ('EXPIRED', 'REVOKED')""",
                rs -> Jdbc.instant(rs, "ended"), personId, scheme).get(0);
    }

    public List<HeldCertificate> ofPerson(String personId) {
        return jdbc.list("select * from certificate where person_id = ? order by granted_at", CertificateStore::held, personId);
    }

    /**
     * Up to {@code limit} certificates past their validUntil and still in force, locked for this
     * transaction; rows another transaction holds are skipped, so two expiry runs never take the same one.
     */
    public List<HeldCertificate> lockDue(Instant now, int limit) {
        return jdbc.list("""
                select * from certificate where status in ('ACTIVE', 'SUSPENDED') and valid_until <= ?
                order by valid_until limit ? for update skip locked""", CertificateStore::held, now, limit);
    }

    public void expire(List<String> codes, Instant at) {
        jdbc.update("update certificate set status = 'EXPIRED', updated_at = ? where code = any(?)", at, (Object) codes.toArray(String[]::new));
        jdbc.update("""
                insert into certificate_history (certificate_code, event, valid_from, valid_until, recorded_by, recorded_at)
                select code, 'EXPIRED', valid_from, valid_until, 'expiry-job', ? from certificate where code = any(?)""",
                at, (Object) codes.toArray(String[]::new));
    }

    public void assess(String scheme, String personId, int score, String by, Instant at) {
        jdbc.update("insert into assessment (scheme_code, person_id, score, assessed_by, assessed_at) values (?, ?, ?, ?, ?)",
                scheme, personId, score, by, at);
    }

    public Optional<Assessment> latestAssessment(String personId, String scheme) {
        return jdbc.one("select score, assessed_at from assessment where person_id = ? and scheme_code = ? order by assessed_at desc, id desc limit 1",
                rs -> new Assessment(rs.getInt("score"), Jdbc.instant(rs, "assessed_at")), personId, scheme);
    }

    static HeldCertificate held(ResultSet rs) throws SQLException {
        Certificate c = new Certificate(rs.getString("code"), rs.getString("person_id"), rs.getString("scheme_code"),
                Jdbc.instant(rs, "valid_from"), Jdbc.instant(rs, "valid_until"), CertificateStatus.valueOf(rs.getString("status")),
                rs.getInt("window_days"));
        return new HeldCertificate(c, rs.getString("holder_name"), rs.getString("holder_organisation"), Jdbc.instant(rs, "granted_at"),
                rs.getString("granted_how"), rs.getString("status_reason"));
    }
}
