package city.yingzao.portal.domain;

/** Money arrives in integer fen (分); people read yuan (元). */
public final class Money {

    private Money() {
    }

    /** 1234567 → "12,345.67"; −5 → "-0.05". */
    public static String yuan(long fen) {
        long abs = Math.abs(fen);
        String whole = String.format(java.util.Locale.ROOT, "%,d", abs / 100);
        String text = whole + "." + String.format(java.util.Locale.ROOT, "%02d", abs % 100);
        return fen < 0 ? "-" + text : text;
    }

    /** The share of a part in a whole, in whole percent (0 when the whole is 0), for bars and tables. */
    public static int percent(long part, long whole) {
        if (whole <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.round(100.0 * part / whole));
    }
}
