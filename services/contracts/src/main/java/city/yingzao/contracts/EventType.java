package city.yingzao.contracts;

import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.contracts.finance.AllocationMadeV1;
import city.yingzao.contracts.finance.LedgerEntryPostedV1;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;

import java.util.Arrays;

/**
 * Every event type of the platform: its CloudEvents {@code type}, topic, payload record and JSON
 * Schema. Adding an event means adding a line here, a record and a schema; the contract test
 * checks that the three agree.
 */
public enum EventType {

    COMMUNITY_SNAPSHOT("city.yingzao.registry.CommunitySnapshot.v1", Topics.REGISTRY_COMMUNITIES,
            CommunitySnapshotV1.class, "schemas/registry/community-snapshot.v1.json"),
    HOUSEHOLD_SNAPSHOT("city.yingzao.registry.HouseholdSnapshot.v1", Topics.REGISTRY_HOUSEHOLDS,
            HouseholdSnapshotV1.class, "schemas/registry/household-snapshot.v1.json"),

    RESOLUTION_ADOPTED("city.yingzao.deliberation.ResolutionAdopted.v1", Topics.DELIBERATION_RESOLUTIONS,
            ResolutionAdoptedV1.class, "schemas/deliberation/resolution-adopted.v1.json"),
    MOTION_REJECTED("city.yingzao.deliberation.MotionRejected.v1", Topics.DELIBERATION_RESOLUTIONS,
            MotionRejectedV1.class, "schemas/deliberation/motion-rejected.v1.json"),

    ALLOCATION_MADE("city.yingzao.finance.AllocationMade.v1", Topics.FINANCE_ALLOCATIONS,
            AllocationMadeV1.class, "schemas/finance/allocation-made.v1.json"),
    PROJECT_STEP_CHANGED("city.yingzao.finance.ProjectStepChanged.v1", Topics.FINANCE_PROJECTS,
            ProjectStepChangedV1.class, "schemas/finance/project-step-changed.v1.json"),
    LEDGER_ENTRY_POSTED("city.yingzao.finance.LedgerEntryPosted.v1", Topics.FINANCE_LEDGER,
            LedgerEntryPostedV1.class, "schemas/finance/ledger-entry-posted.v1.json");

    private final String ceType;
    private final String topic;
    private final Class<? extends IntegrationEvent> payloadType;
    private final String schemaResource;

    EventType(String ceType, String topic, Class<? extends IntegrationEvent> payloadType, String schemaResource) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
        this.schemaResource = schemaResource;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends IntegrationEvent> payloadType() {
        return payloadType;
    }

    /** Class-path location of the JSON Schema (draft 2020-12) of the payload. */
    public String schemaResource() {
        return schemaResource;
    }

    public static EventType of(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        payloadType.getName() + " is not a registered event type; add it to " + EventType.class.getName()));
    }

    public static EventType ofCeType(String ceType) {
        return Arrays.stream(values())
                .filter(t -> t.ceType.equals(ceType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + ceType));
    }
}
