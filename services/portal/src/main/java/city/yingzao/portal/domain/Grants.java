package city.yingzao.portal.domain;

import java.time.LocalDate;
import java.util.List;

/** What the grants service publishes (公益创投): calls and awards, with no personal data. */
public final class Grants {

    private Grants() {
    }

    public record Call(String id, int programmeYear, String title, LocalDate opensOn, long budgetFen, String status) {
    }

    public record Awards(int awards, long awardedFen, long releasedFen, List<Award> lines) {
    }

    public record Award(String projectId, String callId, int programmeYear, String title, String organisationName,
                        String targetKind, String targetCode, String pivotCategory, long awardedFen, long releasedFen,
                        String status) {

        public int releasedPercent() {
            return Money.percent(releasedFen, awardedFen);
        }
    }
}
