package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An approved proposal on a meeting agenda. */
@Entity
@Table(name = "agenda_item")
public class AgendaItemEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "proposal_id")
    public UUID proposalId;
    public int position;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.ItemState status;
}
