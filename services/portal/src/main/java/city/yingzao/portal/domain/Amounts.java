package city.yingzao.portal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Yuan as people type them in a form ("1,234.5", "¥80000") read as integer fen; anything else is no amount. */
public final class Amounts {

    private Amounts() {
    }

    /** At most a trillion yuan, at most two decimals, not negative. */
    public static Optional<Long> fen(String yuan) {
        if (yuan == null) {
            return Optional.empty();
        }
        String s = yuan.trim().replace(",", "").replace("¥", "").replace("￥", "");
        if (!s.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /** Fen as a form's yuan value: 12345 → "123.45" (no separators, so it reads back). */
    public static String plainYuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
