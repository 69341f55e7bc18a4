package city.yingzao.portal.api;

import city.yingzao.portal.domain.Money;
import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What templates may call on values: {@code {s.urlEncode}}, {@code {fen.yuan}}, {@code {at.day}}, {@code {at.minute}}. */
@TemplateExtension
public class PageExtensions {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CITY);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CITY);

    static String urlEncode(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Fen as yuan with two decimals and thousands separators: 1234567 → "12,345.67". */
    static String yuan(long fen) {
        return Money.yuan(fen);
    }

    /** The Asia/Shanghai day of an instant, as the city reads it. */
    static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    static String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    /** The first characters of a hash, enough to compare by eye; the full one is in the title attribute. */
    static String shortHash(String hash) {
        return hash == null ? "" : hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }
}
