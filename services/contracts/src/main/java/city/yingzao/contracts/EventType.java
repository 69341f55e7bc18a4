package city.yingzao.contracts;

import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.contracts.finance.AllocationMadeV1;
import city.yingzao.contracts.finance.LedgerEntryPostedV1;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.contracts.evaluation.AppealDecidedV1;
import city.yingzao.contracts.evaluation.AppealOpenedV1;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.contracts.grants.ApplicationDecidedV1;
import city.yingzao.contracts.grants.ApplicationSubmittedV1;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.contracts.grants.SupervisionTeamChangedV1;
import city.yingzao.contracts.grants.TrancheReleasedV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.contracts.training.CertificationReinstatedV1;
import city.yingzao.contracts.training.CertificationRenewedV1;
import city.yingzao.contracts.training.CertificationRevokedV1;
import city.yingzao.contracts.training.CertificationSuspendedV1;

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
    ORGANISATION_SNAPSHOT("city.yingzao.registry.OrganisationSnapshot.v1", Topics.REGISTRY_ORGANISATIONS,
            OrganisationSnapshotV1.class, "schemas/registry/organisation-snapshot.v1.json"),

    RESOLUTION_ADOPTED("city.yingzao.deliberation.ResolutionAdopted.v1", Topics.DELIBERATION_RESOLUTIONS,
            ResolutionAdoptedV1.class, "schemas/deliberation/resolution-adopted.v1.json"),
    MOTION_REJECTED("city.yingzao.deliberation.MotionRejected.v1", Topics.DELIBERATION_RESOLUTIONS,
            MotionRejectedV1.class, "schemas/deliberation/motion-rejected.v1.json"),

    ALLOCATION_MADE("city.yingzao.finance.AllocationMade.v1", Topics.FINANCE_ALLOCATIONS,
            AllocationMadeV1.class, "schemas/finance/allocation-made.v1.json"),
    PROJECT_STEP_CHANGED("city.yingzao.finance.ProjectStepChanged.v1", Topics.FINANCE_PROJECTS,
            ProjectStepChangedV1.class, "schemas/finance/project-step-changed.v1.json"),
    LEDGER_ENTRY_POSTED("city.yingzao.finance.LedgerEntryPosted.v1", Topics.FINANCE_LEDGER,
            LedgerEntryPostedV1.class, "schemas/finance/ledger-entry-posted.v1.json"),

    CERTIFICATION_GRANTED("city.yingzao.training.CertificationGranted.v1", Topics.TRAINING_CERTIFICATIONS,
            CertificationGrantedV1.class, "schemas/training/certification-granted.v1.json"),
    CERTIFICATION_RENEWED("city.yingzao.training.CertificationRenewed.v1", Topics.TRAINING_CERTIFICATIONS,
            CertificationRenewedV1.class, "schemas/training/certification-renewed.v1.json"),
    CERTIFICATION_EXPIRED("city.yingzao.training.CertificationExpired.v1", Topics.TRAINING_CERTIFICATIONS,
            CertificationExpiredV1.class, "schemas/training/certification-expired.v1.json"),
    CERTIFICATION_SUSPENDED("city.yingzao.training.CertificationSuspended.v1", Topics.TRAINING_CERTIFICATIONS,
            CertificationSuspendedV1.class, "schemas/training/certification-suspended.v1.json"),
    CERTIFICATION_REINSTATED("city.yingzao.training.CertificationReinstated.v1", Topics.TRAINING_CERTIFICATIONS,
            CertificationReinstatedV1.class, "schemas/training/certification-reinstated.v1.json"),
    CERTIFICATION_REVOKED("city.yingzao.training.CertificationRevoked.v1", Topics.TRAINING_CERTIFICATIONS,
            CertificationRevokedV1.class, "schemas/training/certification-revoked.v1.json"),

    APPLICATION_SUBMITTED("city.yingzao.grants.ApplicationSubmitted.v1", Topics.GRANTS_APPLICATIONS,
            ApplicationSubmittedV1.class, "schemas/grants/application-submitted.v1.json"),
    APPLICATION_DECIDED("city.yingzao.grants.ApplicationDecided.v1", Topics.GRANTS_APPLICATIONS,
            ApplicationDecidedV1.class, "schemas/grants/application-decided.v1.json"),
    PROJECT_STARTED("city.yingzao.grants.ProjectStarted.v1", Topics.GRANTS_PROJECTS,
            ProjectStartedV1.class, "schemas/grants/project-started.v1.json"),
    SUPERVISION_TEAM_CHANGED("city.yingzao.grants.SupervisionTeamChanged.v1", Topics.GRANTS_PROJECTS,
            SupervisionTeamChangedV1.class, "schemas/grants/supervision-team-changed.v1.json"),
    TRANCHE_RELEASED("city.yingzao.grants.TrancheReleased.v1", Topics.GRANTS_PROJECTS,
            TrancheReleasedV1.class, "schemas/grants/tranche-released.v1.json"),
    PROJECT_CLOSED("city.yingzao.grants.ProjectClosed.v1", Topics.GRANTS_PROJECTS,
            ProjectClosedV1.class, "schemas/grants/project-closed.v1.json"),

    EVALUATION_COMPLETED("city.yingzao.evaluation.EvaluationCompleted.v1", Topics.EVALUATION_RESULTS,
            EvaluationCompletedV1.class, "schemas/evaluation/evaluation-completed.v1.json"),
    APPEAL_OPENED("city.yingzao.evaluation.AppealOpened.v1", Topics.EVALUATION_RESULTS,
            AppealOpenedV1.class, "schemas/evaluation/appeal-opened.v1.json"),
    APPEAL_DECIDED("city.yingzao.evaluation.AppealDecided.v1", Topics.EVALUATION_RESULTS,
            AppealDecidedV1.class, "schemas/evaluation/appeal-decided.v1.json");

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
