package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.AuditEntryEntity;
import city.yingzao.deliberation.infrastructure.AuditRepository;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import city.yingzao.replica.application.RegistryReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audit log of deliberation actions: every state-changing action appends one entry (who, when,
 * action, subject ids, a short detail) in the transaction of the action, so an action and its entry
 * are kept or lost together. Append-only (a trigger refuses update and delete). It never records who
 * took a ballot credential nor anything that links a ballot to a person: issuing a credential and
 * casting a ballot are not audited, only the box's phases with their counts.
 */
@ApplicationScoped
public class AuditLog {

    /** Who adopts resolutions when the publicity job does it. */
    public static final String PUBLICITY_JOB = "system:publicity-job";

    @Inject
    AuditRepository repository;

    @Inject
    RegistryReplica registry;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Appends an entry by the caller of the request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String community, String action, String subjectType, Object subjectId, String detail, Object... related) {
        record(caller.name(), community, action, subjectType, subjectId, detail, related);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String community, String action, String subjectType, Object subjectId, String detail,
            Object... related) {
        AuditEntryEntity e = new AuditEntryEntity();
        e.at = clock.instant();
        e.actor = cut(actor, 200);
        e.communityCode = community;
        e.action = action;
        e.subjectType = subjectType;
        e.subjectId = String.valueOf(subjectId);
        String rel = Arrays.stream(related).filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(" "));
        e.related = rel.isEmpty() ? null : cut(rel, 400);
        e.detail = detail == null ? null : cut(detail, 500);
        repository.append(e);
    }

    public record AuditEntryView(long seq, Instant at, String actor, String communityCode, String action, String subjectType,
                                 String subjectId, List<String> related, String detail) {
    }

    public record AuditPage(long total, int page, int size, List<AuditEntryView> items) {
    }

    /**
     * A page of the log, newest first. Community staff read their communities, district operators
     * the communities of their district, the city operator and auditors every community (and may
     * leave {@code community} out).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage read(Optional<String> community, Instant from, Instant to, int page, int size) {
        boolean everywhere = caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR);
        if (community.isEmpty()) {
            if (!everywhere) {
                throw Problems.invalid("community", "name the community");
            }
        } else if (!everywhere) {
            String c = community.get();
            boolean staff = caller.has(Roles.COMMUNITY_STAFF) && caller.inCommunity(c);
            boolean district = caller.has(Roles.DISTRICT_OPERATOR)
                    && registry.districtOf(c).map(caller::inDistrict).orElse(false);
            caller.require(staff || district, "community " + c);
        }
        if (!from.isBefore(to)) {
            throw Problems.invalid("from", "must be before to");
        }
        List<AuditEntryView> items = repository.page(community, from, to, page, size).stream()
                .map(e -> new AuditEntryView(e.seq, e.at, e.actor, e.communityCode, e.action, e.subjectType, e.subjectId,
                        e.related == null ? List.of() : List.of(e.related.split(" ")), e.detail))
                .toList();
        return new AuditPage(repository.count(community, from, to), page, size, items);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
