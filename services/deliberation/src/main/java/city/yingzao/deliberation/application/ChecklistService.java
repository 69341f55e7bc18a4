package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.ChecklistRepository;
import city.yingzao.deliberation.application.Commands.UpdateChecklist;
import city.yingzao.deliberation.application.Views.ChecklistView;
import city.yingzao.deliberation.domain.CourtyardChecklist;
import city.yingzao.deliberation.infrastructure.ChecklistEntity;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/** D11: the "three haves, one public" 三有一公开 checklist of each courtyard, kept by staff, read by anyone. */
@ApplicationScoped
@Transactional
public class ChecklistService {

    @Inject
    ChecklistRepository checklistRepository;

    @Inject
    Access access;

    @Inject
    RegistryReplica registry;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public ChecklistView update(String communityCode, String courtyardCode, UpdateChecklist command) {
        access.requireStaff(communityCode);
        if (!registry.courtyardKnown(communityCode, courtyardCode)) {
            throw RuleViolation.of(new Rejection("P1", "courtyard " + courtyardCode + " is not known in community " + communityCode));
        }
        ChecklistEntity row = checklistRepository.of(communityCode, courtyardCode)
                .orElseGet(() -> {
                    ChecklistEntity fresh = new ChecklistEntity();
                    fresh.communityCode = communityCode;
                    fresh.courtyardCode = courtyardCode;
                    return fresh;
                });
        row.hasOrganisation = command.hasOrganisation();
        row.hasCompact = command.hasCompact();
        row.hasActivities = command.hasActivities();
        row.affairsPublic = command.affairsPublic();
        row.note = command.note();
        row.updatedBy = access.person();
        row.updatedAt = clock.instant();
        checklistRepository.persist(row);
        audit.record(communityCode, "CHECKLIST_UPDATED", "courtyard", courtyardCode, (row.hasOrganisation ? "有组织 " : "")
                + (row.hasCompact ? "有公约 " : "") + (row.hasActivities ? "有活动 " : "") + (row.affairsPublic ? "事务公开" : ""));
        return view(row);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChecklistView> ofCommunity(String communityCode) {
        return checklistRepository.ofCommunity(communityCode).stream()
                .map(ChecklistService::view).toList();
    }

    private static ChecklistView view(ChecklistEntity r) {
        CourtyardChecklist checklist = new CourtyardChecklist(r.hasOrganisation, r.hasCompact, r.hasActivities, r.affairsPublic);
        return new ChecklistView(r.communityCode, r.courtyardCode, r.hasOrganisation, r.hasCompact, r.hasActivities,
                r.affairsPublic, checklist.complete(), checklist.missing(), r.note, r.updatedAt);
    }
}
