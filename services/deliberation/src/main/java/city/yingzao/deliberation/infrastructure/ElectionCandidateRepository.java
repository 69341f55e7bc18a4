package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Candidates of elections with their votes. */
@ApplicationScoped
public class ElectionCandidateRepository implements PanacheRepositoryBase<ElectionCandidateEntity, ElectionCandidateEntity.Key> {

    public List<ElectionCandidateEntity> ofElection(UUID electionId) {
        return list("electionId", electionId);
    }
}
