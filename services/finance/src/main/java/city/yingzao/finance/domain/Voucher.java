package city.yingzao.finance.domain;

import java.util.regex.Pattern;

/** F1 专账核算: the voucher 发票/凭证号 a payment is booked against: letters, digits and - / . _, 3 to 40 long. */
public final class Voucher {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9./_-]{2,39}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Voucher() {
    }

    public static boolean valid(String voucher) {
        return voucher != null && COMPILED.matcher(voucher).matches();
    }
}
