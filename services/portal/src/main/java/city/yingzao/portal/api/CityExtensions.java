package city.yingzao.portal.api;

import city.yingzao.portal.domain.Amounts;
import io.quarkus.qute.TemplateExtension;

import java.time.Instant;

/** What the operator, staff and household pages call on values: {@code {fen.plainYuan}} for a form's amount, {@code {at.epochMilli}}. */
@TemplateExtension
public class CityExtensions {

    /** Fen as a form field's yuan, without separators, so it reads back: 40000000 → "400000.00". */
    static String plainYuan(long fen) {
        return Amounts.plainYuan(fen);
    }
}
