package city.yingzao.portal.domain;

import java.util.Locale;
import java.util.Optional;

/** The portal's two languages; zh-CN is the default. A visitor's choice is remembered in a cookie. */
public enum Lang {
    ZH("zh-CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    public static final String COOKIE = "yz-lang";

    private final String tag;
    private final Locale locale;

    Lang(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language a tag names ("en", "en-GB", "zh", "zh-CN"), if it is one of ours. */
    public static Optional<Lang> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (t.equals("en") || t.startsWith("en-")) {
            return Optional.of(EN);
        }
        if (t.equals("zh") || t.startsWith("zh-")) {
            return Optional.of(ZH);
        }
        return Optional.empty();
    }

    /** The other language, for the switch in the header. */
    public Lang other() {
        return this == ZH ? EN : ZH;
    }
}
