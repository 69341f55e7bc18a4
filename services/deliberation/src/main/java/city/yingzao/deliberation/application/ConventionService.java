package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.ConventionRepository;
import city.yingzao.deliberation.infrastructure.ConventionVersionRepository;
import city.yingzao.deliberation.application.Commands.CreateConvention;
import city.yingzao.deliberation.application.Views.ConventionVersionView;
import city.yingzao.deliberation.application.Views.ConventionView;
import city.yingzao.deliberation.domain.ConventionVersionState;
import city.yingzao.deliberation.domain.ConventionAdoption;
import city.yingzao.deliberation.infrastructure.ConventionEntity;
import city.yingzao.deliberation.infrastructure.ConventionVersionEntity;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.deliberation.infrastructure.ResolutionEntity;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conventions 村规民约/社区公约/院落公约/林盘公约 (D12): staff draft versions; a draft takes effect only
 * when a council resolution about the convention is adopted after its publicity, in the same
 * transaction as the adoption. The public reads every convention and its versions.
 */
@ApplicationScoped
@Transactional
public class ConventionService {

    @Inject
    ConventionRepository conventionRepository;

    @Inject
    ConventionVersionRepository conventionVersionRepository;

    @Inject
    Access access;

    @Inject
    RegistryReplica registry;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public ConventionView create(String communityCode, CreateConvention command) {
        if (!registry.communityKnown(communityCode)) {
            throw Problems.notFound("community", communityCode);
        }
        access.requireStaff(communityCode);
        Rules.enforce(ConventionAdoption.courtyardNamed(command.kind(), command.courtyardCode()));
        if (command.courtyardCode() != null && !registry.courtyardKnown(communityCode, command.courtyardCode())) {
            throw RuleViolation.of(new Rejection("P1", "courtyard " + command.courtyardCode() + " is not known in community " + communityCode));
        }
        ConventionEntity convention = new ConventionEntity();
        convention.id = UUID.randomUUID();
        convention.communityCode = communityCode;
        convention.kind = command.kind();
        convention.courtyardCode = command.courtyardCode();
        convention.title = command.title();
        convention.createdAt = clock.instant();
        conventionRepository.persist(convention);
        addDraft(convention.id, 1, command.text());
        audit.record(communityCode, "CONVENTION_CREATED", "convention", convention.id, command.kind() + ": " + command.title());
        return view(convention);
    }

    /** A new draft version; one draft at a time, so what a council votes on does not change under it. */
    public ConventionView draft(UUID conventionId, String text) {
        ConventionEntity convention = conventionRepository.requireLocked(conventionId);
        access.requireStaff(convention.communityCode);
        List<ConventionVersionEntity> versions = versions(conventionId);
        ConventionVersionEntity latest = versions.get(versions.size() - 1);
        if (latest.status == ConventionVersionState.DRAFT) {
            throw Problems.conflict("version " + latest.version + " is still a draft awaiting a council resolution");
        }
        addDraft(conventionId, latest.version + 1, text);
        audit.record(convention.communityCode, "CONVENTION_DRAFTED", "convention", conventionId, "version " + (latest.version + 1));
        return view(convention);
    }

    // D12: a proposal about a convention names one of the community's conventions with a draft to decide
    void requireDraftToDecide(String communityCode, String conventionRef) {
        Optional<ConventionEntity> convention = parse(conventionRef).flatMap(id -> conventionRepository.findByIdOptional(id))
                .filter(c -> c.communityCode.equals(communityCode));
        if (convention.isEmpty()) {
            throw RuleViolation.of(new Rejection(ConventionAdoption.RULE, "convention " + conventionRef + " is not a convention of community " + communityCode));
        }
        Rules.enforce(ConventionAdoption.draftToDecide(conventionRef, latestDraft(convention.get().id)));
    }

    /** The draft a resolution about the convention decides: pinned when the resolution is published. */
    Optional<Integer> draftOf(String conventionRef) {
        return parse(conventionRef).flatMap(this::latestDraft);
    }

    // D12: the adopted resolution adopts the draft it decided; the version in force before is superseded
    void adoptByResolution(ResolutionEntity resolution, Instant at) {
        Optional<UUID> convention = parse(resolution.subjectRef);
        if (resolution.subjectVersion == null || convention.isEmpty()
                || !ConventionAdoption.adopts(resolution.subjectType, resolution.subjectRef, resolution.subjectRef)) {
            return;
        }
        UUID conventionId = convention.get();
        for (ConventionVersionEntity v : versions(conventionId)) {
            boolean adopted = v.version == resolution.subjectVersion;
            v.status = v.status.onAdoptionOf(adopted);
            if (adopted) {
                v.resolutionId = resolution.id;
                v.adoptedAt = at;
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConventionView get(UUID conventionId) {
        return view(conventionRepository.findByIdOptional(conventionId)
                .orElseThrow(() -> Problems.notFound("convention", String.valueOf(conventionId))));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConventionView> ofCommunity(String communityCode) {
        return conventionRepository.ofCommunity(communityCode).stream()
                .map(this::view).toList();
    }

    private Optional<Integer> latestDraft(UUID conventionId) {
        return versions(conventionId).stream().filter(v -> v.status == ConventionVersionState.DRAFT).map(v -> v.version)
                .reduce((a, b) -> b);
    }

    private void addDraft(UUID conventionId, int version, String text) {
        ConventionVersionEntity v = new ConventionVersionEntity();
        v.conventionId = conventionId;
        v.version = version;
        v.text = text;
        v.status = ConventionVersionState.DRAFT;
        v.draftedBy = access.person();
        v.draftedAt = clock.instant();
        conventionVersionRepository.persist(v);
    }

    private List<ConventionVersionEntity> versions(UUID conventionId) {
        return conventionVersionRepository.ofConvention(conventionId);
    }

    private static Optional<UUID> parse(String ref) {
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private ConventionView view(ConventionEntity c) {
        List<ConventionVersionView> versions = versions(c.id).stream()
                .map(v -> new ConventionVersionView(v.version, v.status, v.text, v.draftedAt, v.resolutionId, v.adoptedAt)).toList();
        Integer adopted = versions.stream().filter(v -> v.status() == ConventionVersionState.ADOPTED).map(ConventionVersionView::version)
                .findFirst().orElse(null);
        return new ConventionView(c.id, c.communityCode, c.kind, c.courtyardCode, c.title, adopted, versions);
    }
}
