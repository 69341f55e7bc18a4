package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.CouncilRepository;
import city.yingzao.deliberation.infrastructure.ObjectionRepository;
import city.yingzao.deliberation.infrastructure.ResolutionRepository;
import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.deliberation.application.Views.AdoptionRun;
import city.yingzao.deliberation.application.Views.ObjectionView;
import city.yingzao.deliberation.application.Views.ResolutionView;
import city.yingzao.deliberation.domain.PublicityPeriod;
import city.yingzao.deliberation.domain.ResolutionState;
import city.yingzao.deliberation.domain.SubjectType;
import city.yingzao.deliberation.infrastructure.CouncilEntity;
import city.yingzao.deliberation.infrastructure.MeetingEntity;
import city.yingzao.deliberation.infrastructure.MotionEntity;
import city.yingzao.deliberation.infrastructure.ObjectionEntity;
import city.yingzao.deliberation.infrastructure.ProposalEntity;
import city.yingzao.deliberation.infrastructure.ResolutionEntity;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Resolutions 决议 and publicity 公示 (D9): a passed motion is published for the publicity period;
 * residents may object meanwhile (objections are listed with it and answered by staff, they do not
 * stop it); at the end it is adopted and {@code ResolutionAdopted} goes out through the outbox in the
 * same transaction. A failed motion sends {@code MotionRejected} when its vote closes.
 */
@ApplicationScoped
@Transactional
public class ResolutionService {

    @Inject
    CouncilRepository councilRepository;

    @Inject
    ObjectionRepository objectionRepository;

    @Inject
    ResolutionRepository resolutionRepository;

    private static final int ADOPTION_BATCH = 100;

    @Inject
    Access access;

    @Inject
    DeliberationSettings settings;

    @Inject
    ConventionService conventions;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    // D9: published now, adopted at 00:00 Asia/Shanghai after the period's last whole day
    void publish(MeetingEntity meeting, MotionEntity motion, ProposalEntity proposal) {
        CouncilEntity council = councilRepository.findById(meeting.councilId);
        ResolutionEntity r = new ResolutionEntity();
        r.id = UUID.randomUUID();
        r.motionId = motion.id;
        r.councilId = council.id;
        r.communityCode = council.communityCode;
        r.councilLevel = council.level;
        r.subjectType = proposal.subjectType;
        r.subjectRef = proposal.subjectRef;
        r.subjectVersion = proposal.subjectType == SubjectType.CONVENTION ? conventions.draftOf(proposal.subjectRef).orElse(null) : null;
        r.title = motion.text;
        r.yes = motion.yes;
        r.no = motion.no;
        r.abstain = motion.abstain;
        r.membership = motion.membership;
        r.status = ResolutionState.PUBLISHED;
        r.publishedAt = clock.instant();
        r.publicityDays = settings.publicityDays();
        r.adoptAt = PublicityPeriod.adoptAt(r.publishedAt, r.publicityDays);
        resolutionRepository.persist(r);
        audit.record(r.communityCode, "RESOLUTION_PUBLISHED", "resolution", r.id, "in publicity until " + r.adoptAt, motion.id, meeting.id);
    }

    void announceRejection(MeetingEntity meeting, MotionEntity motion, ProposalEntity proposal) {
        CouncilEntity council = councilRepository.findById(meeting.councilId);
        outbox.append(new MotionRejectedV1(motion.id.toString(), council.communityCode, council.id.toString(), council.level.name(),
                proposal.subjectType.name(), proposal.subjectRef, truncate(motion.text), motion.yes, motion.no, motion.abstain,
                motion.membership, truncate(motion.resultReason), motion.decidedAt));
    }

    /**
     * D9: adopts every resolution whose publicity has ended, each with its event in the same
     * transaction. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas running the job at
     * once never adopt one twice. {@code communities} empty = everywhere.
     */
    public AdoptionRun adoptDue(Collection<String> communities) {
        return adoptDue(communities, AuditLog.PUBLICITY_JOB);
    }

    AdoptionRun adoptDue(Collection<String> communities, String actor) {
        Instant now = clock.instant();
        List<UUID> adopted = new ArrayList<>();
        for (UUID id : resolutionRepository.claimDue(now, communities, ADOPTION_BATCH)) {
            ResolutionEntity r = resolutionRepository.findById(id);
            r.status = r.status.adopt(now, r.adoptAt);
            r.adoptedAt = r.adoptAt;
            conventions.adoptByResolution(r, r.adoptAt);
            outbox.append(new ResolutionAdoptedV1(r.id.toString(), r.communityCode, r.councilId.toString(), r.councilLevel.name(),
                    r.subjectType.name(), r.subjectRef, truncate(r.title), r.motionId.toString(), r.yes, r.no, r.abstain,
                    r.membership, r.publishedAt, r.adoptedAt));
            audit.record(actor, r.communityCode, "RESOLUTION_ADOPTED", "resolution", r.id, "publicity ended", r.motionId);
            adopted.add(r.id);
        }
        return new AdoptionRun(adopted.size(), adopted);
    }

    /** The due check on demand: the city operator everywhere, community staff in their communities. */
    public AdoptionRun adoptDueNow() {
        if (access.isCityOperator()) {
            return adoptDue(List.of(), access.person());
        }
        List<String> own = List.copyOf(access.communities());
        access.require(!own.isEmpty(), "any community");
        return adoptDue(own, access.person());
    }

    // D9: residents of the community object while the resolution is in publicity
    public ObjectionView object(UUID resolutionId, String text) {
        ResolutionEntity r = resolutionRepository.requireLocked(resolutionId);
        access.require(access.residentOf(r.communityCode), "community " + r.communityCode);
        Rules.enforce(r.status.mayObject(clock.instant(), r.adoptAt));
        ObjectionEntity o = new ObjectionEntity();
        o.id = UUID.randomUUID();
        o.resolutionId = resolutionId;
        o.personId = access.person();
        o.text = text;
        o.filedAt = clock.instant();
        objectionRepository.persist(o);
        audit.record(r.communityCode, "OBJECTION_FILED", "resolution", resolutionId, null, o.id);
        return view(o, true);
    }

    public ObjectionView respond(UUID resolutionId, UUID objectionId, String text) {
        ResolutionEntity r = find(resolutionId);
        access.requireStaff(r.communityCode);
        ObjectionEntity o = objectionRepository.findByIdOptional(objectionId)
                .filter(x -> x.resolutionId.equals(resolutionId))
                .orElseThrow(() -> Problems.notFound("objection", String.valueOf(objectionId)));
        o.response = text;
        o.respondedBy = access.person();
        o.respondedAt = clock.instant();
        audit.record(r.communityCode, "OBJECTION_ANSWERED", "resolution", resolutionId, null, o.id);
        return view(o, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResolutionView get(UUID resolutionId) {
        ResolutionEntity r = find(resolutionId);
        access.requireReader(r.communityCode);
        return view(r, true);
    }

    /** For anyone: published and adopted resolutions, objections without who filed them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResolutionView publicView(UUID resolutionId) {
        return view(find(resolutionId), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /**
     * One page of a community's resolutions, newest first, for anyone: two queries whatever the page
     * size (the resolutions, then all their objections), never one per resolution.
     */
    public List<ResolutionView> publicList(String communityCode, int page, int size) {
        List<ResolutionEntity> resolutions = resolutionRepository.ofCommunity(communityCode, page, size);
        if (resolutions.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, List<ObjectionView>> objections = objectionRepository.ofResolutions(resolutions.stream().map(r -> r.id).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(o -> o.resolutionId,
                        java.util.stream.Collectors.mapping(o -> view(o, false), java.util.stream.Collectors.toList())));
        return resolutions.stream().map(r -> view(r, objections.getOrDefault(r.id, List.of()))).toList();
    }

    /** How many resolutions a community has (the public list's {@code X-Total-Count}). */
    public long publicCount(String communityCode) {
        return resolutionRepository.countOf(communityCode);
    }

    private ResolutionEntity find(UUID resolutionId) {
        return resolutionRepository.findByIdOptional(resolutionId)
                .orElseThrow(() -> Problems.notFound("resolution", String.valueOf(resolutionId)));
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private ResolutionView view(ResolutionEntity r, boolean withFilers) {
        return view(r, objectionRepository.ofResolution(r.id).stream()
                .map(o -> view(o, withFilers)).toList());
    }

    private ResolutionView view(ResolutionEntity r, List<ObjectionView> objections) {
        return new ResolutionView(r.id, r.motionId, r.councilId, r.communityCode, r.councilLevel, r.subjectType, r.subjectRef,
                r.title, r.yes, r.no, r.abstain, r.membership, r.status, r.publishedAt, r.publicityDays, r.adoptAt, r.adoptedAt,
                objections);
    }

    /** Who filed and who answered are shown to the community's staff only; the public reads the texts. */
    private static ObjectionView view(ObjectionEntity o, boolean withFiler) {
        return new ObjectionView(o.id, withFiler ? o.personId : null, o.text, o.filedAt, o.response,
                withFiler ? o.respondedBy : null, o.respondedAt);
    }
}
