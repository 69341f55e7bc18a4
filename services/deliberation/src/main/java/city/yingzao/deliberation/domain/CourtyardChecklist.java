package city.yingzao.deliberation.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * D11: "three haves, one public" 三有一公开 of a courtyard 院落: it has an organisation, a compact and
 * activities, and its affairs and finances are fully public. Staff keep it; anyone may read it.
 */
public record CourtyardChecklist(boolean hasOrganisation, boolean hasCompact, boolean hasActivities, boolean affairsPublic) {

    // D11: complete only when all four hold
    public boolean complete() {
        return missing().isEmpty();
    }

    /** What is still missing, in the checklist's words. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!hasOrganisation) {
            missing.add("organisation 有组织");
        }
        if (!hasCompact) {
            missing.add("compact 有公约");
        }
        if (!hasActivities) {
            missing.add("activities 有活动");
        }
        if (!affairsPublic) {
            missing.add("affairs and finances public 事务财务公开");
        }
        return missing;
    }
}
