package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit log: append and read, newest first; nothing here updates or deletes. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntryEntity, Long> {

    public void append(AuditEntryEntity entry) {
        persist(entry);
    }

    /** One page, newest first; {@code community} empty = every community. */
    public List<AuditEntryEntity> page(Optional<String> community, Instant from, Instant to, int page, int size) {
        return find(where(community) + " order by at desc, seq desc", parameters(community, from, to)).page(page, size).list();
    }

    public long count(Optional<String> community, Instant from, Instant to) {
        return count(where(community), parameters(community, from, to));
    }

    private static String where(Optional<String> community) {
        return "at >= :from and at < :to" + (community.isPresent() ? " and communityCode = :community" : "");
    }

    private static Parameters parameters(Optional<String> community, Instant from, Instant to) {
        Parameters p = Parameters.with("from", from).and("to", to);
        return community.map(c -> p.and("community", c)).orElse(p);
    }
}
