package city.yingzao.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of CNY in integer fen 分 (F4: never floating point). Arithmetic is exact; the only
 * rounding is {@link #percent(int)} and {@link #perHundred(long, long)}, both half-up to the fen and
 * named where they are used.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money fen(long fen) {
        return new Money(fen);
    }

    /** Whole yuan, for readable defaults and tests: {@code Money.yuan(4_000)} is 400,000 fen. */
    public static Money yuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean exceeds(Money other) {
        return fen > other.fen;
    }

    /** {@code percent}% of this amount, rounded half-up to the fen (F4 city share). */
    public Money percent(int percent) {
        return new Money(BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
    }

    /** {@code count} × {@code ratePer100} / 100, rounded half-up to the fen (F3 urban allocation). */
    public static Money perHundred(long count, Money ratePer100) {
        return new Money(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(ratePer100.fen))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** {@code "94,000.00 CNY"}. */
    @Override
    public String toString() {
        long abs = Math.abs(fen);
        return (fen < 0 ? "-" : "") + String.format("%,d.%02d CNY", abs / 100, abs % 100);
    }
}
