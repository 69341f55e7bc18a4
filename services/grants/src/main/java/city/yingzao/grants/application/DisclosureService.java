package city.yingzao.grants.application;

import city.yingzao.grants.domain.GrantCall;
import city.yingzao.grants.domain.Project;
import city.yingzao.grants.domain.Tranche;
import city.yingzao.grants.infrastructure.ProjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * G4 public disclosure: every award and every release, per community (target) and per organisation,
 * with the organisation's registered name. No personal data: no reviewers, supervisors or operators by
 * name; a release says only whether it was automatic or by an operator, and why.
 */
@ApplicationScoped
public class DisclosureService {

    @Inject
    ProjectStore projects;

    @Inject
    Registry registry;

    @Inject
    CallService calls;

    /** One released tranche as disclosed. */
    public record DisclosedRelease(int trancheNumber, long amountFen, String condition, String releasedBy, Instant releasedAt) {
    }

    /** One award as disclosed. */
    public record DisclosedAward(String projectId, String callId, int programmeYear, String title, String organisationCode,
                                 String organisationName, String targetKind, String targetCode, String pivotCategory, long awardedFen,
                                 long releasedFen, String status, LocalDate startsOn, LocalDate endsOn, List<DisclosedRelease> releases) {
    }

    /** A total and its lines. */
    public record Disclosure(int awards, long awardedFen, long releasedFen, List<DisclosedAward> lines) {
    }

    public Disclosure awards(String community, String organisation) {
        List<DisclosedAward> lines = projects.projects(blank(organisation), blank(community), null).stream().map(this::disclose).toList();
        return new Disclosure(lines.size(), lines.stream().mapToLong(DisclosedAward::awardedFen).sum(),
                lines.stream().mapToLong(DisclosedAward::releasedFen).sum(), lines);
    }

    DisclosedAward disclose(Project p) {
        List<Tranche> tranches = projects.tranches(p.id());
        List<DisclosedRelease> released = projects.releases(p.id()).stream().map(r -> new DisclosedRelease(r.number(), r.amountFen(),
                tranches.stream().filter(t -> t.number() == r.number()).findFirst().map(t -> t.condition().name()).orElse(null),
                r.releasedBy(), r.at())).toList();
        return new DisclosedAward(p.id(), p.callId(), p.programmeYear(), p.title(), p.organisationCode(),
                registry.organisationName(p.organisationCode()).orElse(null), p.targetKind().name(), p.targetCode(), p.pivotCategory().name(),
                p.awardedFen(), released.stream().mapToLong(DisclosedRelease::amountFen).sum(), p.status().name(), p.startsOn(), p.endsOn(),
                released);
    }

    /** Open calls as the public sees them. */
    public List<GrantCall> openCalls() {
        return calls.calls(GrantCall.Status.OPEN);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
