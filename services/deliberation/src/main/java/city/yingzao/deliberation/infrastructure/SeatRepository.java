package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Seats on councils; a vacated seat keeps its row. */
@ApplicationScoped
public class SeatRepository implements PanacheRepositoryBase<SeatEntity, UUID> {

    /** Whether the person holds a seat on the council now. */
    public boolean holds(UUID councilId, String personId) {
        return count("councilId = ?1 and personId = ?2 and vacatedAt is null", councilId, personId) > 0;
    }

    public Optional<SeatEntity> held(UUID councilId, String personId) {
        return find("councilId = ?1 and personId = ?2 and vacatedAt is null", councilId, personId).firstResultOptional();
    }

    /** The seats held now, by person id (the roster's order). */
    public List<SeatEntity> active(UUID councilId) {
        return list("councilId = ?1 and vacatedAt is null order by personId", councilId);
    }

    /** The full membership: seats held now. */
    public int membership(UUID councilId) {
        return (int) count("councilId = ?1 and vacatedAt is null", councilId);
    }
}
