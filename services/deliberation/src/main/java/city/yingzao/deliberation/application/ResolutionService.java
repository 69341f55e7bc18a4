package city.yingzao.deliberation.application;

import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.deliberation.application.Views.AdoptionRun;
import city.yingzao.deliberation.application.Views.ObjectionView;
import city.yingzao.deliberation.application.Views.ResolutionView;
import city.yingzao.deliberation.domain.PublicityPeriod;
import city.yingzao.deliberation.domain.SubjectType;
import city.yingzao.deliberation.infrastructure.CouncilEntity;
import city.yingzao.deliberation.infrastructure.MeetingEntity;
import city.yingzao.deliberation.infrastructure.MotionEntity;
import city.yingzao.deliberation.infrastructure.ObjectionEntity;
import city.yingzao.deliberation.infrastructure.ProposalEntity;
import city.yingzao.deliberation.infrastructure.ResolutionEntity;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    // D9: published now, adopted at 00:00 Asia/Shanghai after the period's last whole day
    void publish(MeetingEntity meeting, MotionEntity motion, ProposalEntity proposal) {
        CouncilEntity council = CouncilEntity.findById(meeting.councilId);
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
        r.status = "PUBLISHED";
        r.publishedAt = clock.instant();
        r.publicityDays = settings.publicityDays();
        r.adoptAt = PublicityPeriod.adoptAt(r.publishedAt, r.publicityDays);
        r.persist();
        audit.record(r.communityCode, "RESOLUTION_PUBLISHED", "resolution", r.id, "in publicity until " + r.adoptAt, motion.id, meeting.id);
    }

    void announceRejection(MeetingEntity meeting, MotionEntity motion, ProposalEntity proposal) {
        CouncilEntity council = CouncilEntity.findById(meeting.councilId);
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
        String sql = "select id from resolution where status = 'PUBLISHED' and adopt_at <= :now"
                + (communities.isEmpty() ? "" : " and community_code in (:communities)")
                + " order by adopt_at limit " + ADOPTION_BATCH + " for update skip locked";
        var query = em.createNativeQuery(sql, UUID.class).setParameter("now", now);
        if (!communities.isEmpty()) {
            query.setParameter("communities", communities);
        }
        List<UUID> adopted = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ResolutionEntity r = ResolutionEntity.findById(id);
            r.status = "ADOPTED";
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
        ResolutionEntity r = ResolutionEntity.<ResolutionEntity>findByIdOptional(resolutionId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("resolution", String.valueOf(resolutionId)));
        access.require(access.residentOf(r.communityCode), "community " + r.communityCode);
        if (!"PUBLISHED".equals(r.status) || !PublicityPeriod.inPublicity(clock.instant(), r.adoptAt)) {
            throw RuleViolation.of(new Rejection("D9", "the publicity period of this resolution has ended; objections are taken during it"));
        }
        ObjectionEntity o = new ObjectionEntity();
        o.id = UUID.randomUUID();
        o.resolutionId = resolutionId;
        o.personId = access.person();
        o.text = text;
        o.filedAt = clock.instant();
        o.persist();
        audit.record(r.communityCode, "OBJECTION_FILED", "resolution", resolutionId, null, o.id);
        return view(o, true);
    }

    public ObjectionView respond(UUID resolutionId, UUID objectionId, String text) {
        ResolutionEntity r = find(resolutionId);
        access.requireStaff(r.communityCode);
        ObjectionEntity o = ObjectionEntity.<ObjectionEntity>findByIdOptional(objectionId)
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
        List<ResolutionEntity> resolutions = ResolutionEntity.<ResolutionEntity>find(
                "communityCode = ?1 order by publishedAt desc, id", communityCode).page(page, size).list();
        if (resolutions.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, List<ObjectionView>> objections = ObjectionEntity.<ObjectionEntity>list(
                        "resolutionId in ?1 order by filedAt", resolutions.stream().map(r -> r.id).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(o -> o.resolutionId,
                        java.util.stream.Collectors.mapping(o -> view(o, false), java.util.stream.Collectors.toList())));
        return resolutions.stream().map(r -> view(r, objections.getOrDefault(r.id, List.of()))).toList();
    }

    /** How many resolutions a community has (the public list's {@code X-Total-Count}). */
    public long publicCount(String communityCode) {
        return ResolutionEntity.count("communityCode", communityCode);
    }

    private static ResolutionEntity find(UUID resolutionId) {
        return ResolutionEntity.<ResolutionEntity>findByIdOptional(resolutionId)
                .orElseThrow(() -> Problems.notFound("resolution", String.valueOf(resolutionId)));
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private static ResolutionView view(ResolutionEntity r, boolean withFilers) {
        return view(r, ObjectionEntity.<ObjectionEntity>list("resolutionId = ?1 order by filedAt", r.id).stream()
                .map(o -> view(o, withFilers)).toList());
    }

    private static ResolutionView view(ResolutionEntity r, List<ObjectionView> objections) {
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
