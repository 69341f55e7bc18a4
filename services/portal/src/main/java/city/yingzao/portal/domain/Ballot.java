package city.yingzao.portal.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * F7, as a resident's ballot form reads it: an approval ballot over a round's candidate projects; a household approves any
 * of them, each at most once, or none. The service decides; this only keeps what the form sent to the candidates.
 */
public final class Ballot {

    private Ballot() {
    }

    /** The approvals the form sent, in the round's order, each once, only of the round's candidates. */
    public static List<String> approvals(List<String> chosen, List<String> candidates) {
        Set<String> picked = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            if (picked.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A paper stack's rows as the staff typed them: rows without a household are blank lines of the form and left out;
     * approvals are the candidates ticked on that row.
     */
    public static List<Finance.PaperBallot> stack(List<String> households, List<String> sheets, List<List<String>> ticks) {
        List<Finance.PaperBallot> out = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            String household = households.get(i) == null ? "" : households.get(i).trim();
            if (household.isEmpty()) {
                continue;
            }
            String sheet = i < sheets.size() && sheets.get(i) != null ? sheets.get(i).trim() : "";
            List<String> approvals = i < ticks.size() && ticks.get(i) != null ? ticks.get(i) : List.of();
            out.add(new Finance.PaperBallot(household, sheet.isEmpty() ? null : sheet, approvals));
        }
        return out;
    }
}
