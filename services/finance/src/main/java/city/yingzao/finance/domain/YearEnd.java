package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * F1: a fund year is closed once, after it ended in Asia/Shanghai (or earlier by an operator's explicit
 * action); what is left on the dedicated account moves to next year's by a closing and an opening entry.
 */
public final class YearEnd {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private YearEnd() {
    }

    // F1: once per community and year (a conflict with the ledger's state)
    public static Optional<Rejection> once(String communityCode, int fundYear, boolean alreadyClosed) {
        return alreadyClosed
                ? Optional.of(new Rejection("F1", "fund year " + fundYear + " of community " + communityCode + " is closed already"))
                : Optional.empty();
    }

    // F1: not before the year is over in Asia/Shanghai unless the operator says so
    public static Optional<Rejection> due(int fundYear, Instant now, boolean early) {
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        if (today.getYear() <= fundYear && !early) {
            return Optional.of(new Rejection("F1", "fund year " + fundYear + " ends on " + fundYear
                    + "-12-31 (Asia/Shanghai); close it earlier only with early=true"));
        }
        return Optional.empty();
    }
}
