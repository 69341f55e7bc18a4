package city.yingzao.deliberation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * D9: a result is published 公示 for a publicity period (default 7 days), counted in whole
 * Asia/Shanghai calendar days after the day of publication: published on local date d, the
 * resolution is adopted at 00:00 Asia/Shanghai of d + period + 1. A period of 0 means no publicity:
 * adopted as soon as it is published (the demo's back-dated meeting uses it; operators must say why).
 */
public final class PublicityPeriod {

    public static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");

    private PublicityPeriod() {
    }

    // D9: adopted only after the whole publicity period has passed
    public static Instant adoptAt(Instant publishedAt, int days) {
        if (days == 0) {
            return publishedAt;
        }
        LocalDate published = LocalDate.ofInstant(publishedAt, CITY_TIME);
        return published.plusDays(days + 1L).atStartOfDay(CITY_TIME).toInstant();
    }

    // D9: objections are taken while the resolution is still in publicity
    public static boolean inPublicity(Instant now, Instant adoptAt) {
        return now.isBefore(adoptAt);
    }
}
