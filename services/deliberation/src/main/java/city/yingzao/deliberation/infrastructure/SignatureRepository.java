package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Who signed each of the proposals, in the order they did: one query for a whole list (no query per proposal). */
    public Map<UUID, List<String>> signersOf(Collection<UUID> proposalIds) {
        if (proposalIds.isEmpty()) {
            return Map.of();
        }
        return list("proposalId in ?1 order by signedAt, personId", proposalIds).stream()
                .collect(Collectors.groupingBy(s -> s.proposalId, LinkedHashMap::new,
                        Collectors.mapping(s -> s.personId, Collectors.toList())));
    }

    public long countOf(UUID proposalId) {
        return count("proposalId", proposalId);
    }
}
