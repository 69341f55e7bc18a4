package city.yingzao.deliberation.infrastructure;

import city.yingzao.deliberation.domain.ResolutionState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Resolutions 决议 in publicity or adopted. */
@ApplicationScoped
public class ResolutionRepository implements PanacheRepositoryBase<ResolutionEntity, UUID> {

    public Optional<ResolutionEntity> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Claims up to {@code limit} resolutions whose publicity has ended, locked with
     * {@code FOR UPDATE SKIP LOCKED} so that replicas running the job at once never take one twice.
     * {@code communities} empty = everywhere.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(Instant now, Collection<String> communities, int limit) {
        String sql = "select id from resolution where status = :published and adopt_at <= :now"
                + (communities.isEmpty() ? "" : " and community_code in (:communities)")
                + " order by adopt_at limit " + limit + " for update skip locked";
        var query = getEntityManager().createNativeQuery(sql, UUID.class).setParameter("now", now)
                .setParameter("published", ResolutionState.PUBLISHED.name());
        if (!communities.isEmpty()) {
            query.setParameter("communities", communities);
        }
        return query.getResultList();
    }

    /** One page of a community's resolutions, newest first. */
    public List<ResolutionEntity> ofCommunity(String communityCode, int page, int size) {
        return find("communityCode = ?1 order by publishedAt desc, id", communityCode).page(page, size).list();
    }

    public long countOf(String communityCode) {
        return count("communityCode", communityCode);
    }

    /** The row, or 404. */
    public ResolutionEntity require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("resolution", String.valueOf(id)));
    }

    /** The row locked for update until the transaction ends, or 404. */
    public ResolutionEntity requireLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("resolution", String.valueOf(id)));
    }
}
