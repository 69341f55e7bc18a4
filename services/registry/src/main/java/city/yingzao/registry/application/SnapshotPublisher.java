package city.yingzao.registry.application;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.registry.domain.DistrictTier;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CourtyardRepository;
import city.yingzao.registry.infrastructure.DistrictRepository;
import city.yingzao.registry.infrastructure.HouseholdEntity;
import city.yingzao.registry.infrastructure.OrganisationEntity;
import city.yingzao.registry.infrastructure.ResidentGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the full snapshot of a community or household to the outbox, in the caller's transaction.
 * Snapshots are whole (not deltas) so that the compacted topics alone rebuild any consumer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SnapshotPublisher {

    /** Days of the programme (registration days, for one) are Asia/Shanghai days. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock = Clock.systemUTC();

    @Inject
    Outbox outbox;

    @Inject
    DistrictRepository districts;

    @Inject
    ResidentGroupRepository groups;

    @Inject
    CourtyardRepository courtyards;

    /** Raises the community's revision and publishes it with its current groups and courtyards. */
    public void communityChanged(CommunityEntity community) {
        community.revision++;
        community.updatedAt = Instant.now(clock);
        DistrictTier tier = districts.findById(community.districtCode).tier;
        outbox.append(snapshot(community, tier,
                groups.ofCommunity(community.code).stream()
                        .map(g -> new CommunitySnapshotV1.ResidentGroup(g.code, g.name)).toList(),
                courtyards.ofCommunity(community.code).stream()
                        .map(y -> new CommunitySnapshotV1.Courtyard(y.code, y.name, y.groupCode)).toList()));
    }

    /** Communities just created (revision already set), known to have no groups or courtyards yet: one batch. */
    public void communitiesCreated(List<CommunityEntity> created, Function<CommunityEntity, DistrictTier> tierOf) {
        outbox.appendAll(created.stream().map(c -> snapshot(c, tierOf.apply(c), List.of(), List.of())).toList());
    }

    public void householdChanged(HouseholdEntity household) {
        householdsChanged(List.of(household));
    }

    /** One batch of household snapshots, in the given order. */
    public void householdsChanged(List<HouseholdEntity> changed) {
        outbox.appendAll(changed.stream().map(h -> new HouseholdSnapshotV1(h.code, h.communityCode, h.groupCode,
                h.courtyardCode, h.active, h.revision, h.updatedAt)).toList());
    }

    /** An organisation as it is now (P4), on the compacted topic registry.organisations. */
    public void organisationChanged(OrganisationEntity o) {
        outbox.append(new OrganisationSnapshotV1(o.code, o.communityCode, o.name, o.type.name(), o.registeredOn, true,
                o.revision, o.updatedAt));
    }

    public Instant now() {
        return Instant.now(clock);
    }

    private static CommunitySnapshotV1 snapshot(CommunityEntity c, DistrictTier tier,
            List<CommunitySnapshotV1.ResidentGroup> groups, List<CommunitySnapshotV1.Courtyard> courtyards) {
        return new CommunitySnapshotV1(c.code, c.name, c.kind.name(), c.districtCode, tier.name(), c.streetCode,
                c.registeredHouseholds, c.stage, groups, courtyards, c.revision, c.updatedAt);
    }
}
