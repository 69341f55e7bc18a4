package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Co-signatures of residents' proposals. */
@ApplicationScoped
public class SignatureRepository implements PanacheRepositoryBase<SignatureEntity, SignatureEntity.Key> {

    public boolean signed(UUID proposalId, String personId) {
        return findByIdOptional(new SignatureEntity.Key(proposalId, personId)).isPresent();
    }

    /** Who signed, in the order they did. */
    public List<String> signers(UUID proposalId) {
        return list("proposalId = ?1 order by signedAt, personId", proposalId).stream().map(s -> s.personId).toList();
    }

    public long countOf(UUID proposalId) {
        return count("proposalId", proposalId);
    }
}
