package city.yingzao.registry.domain;

import java.util.regex.Pattern;

/**
 * The shape of the codes the registry hands out. Codes travel in URLs, Kafka keys
 * ({@code community:household}) and CSV files, so they are plain ASCII letters, digits and hyphens.
 */
public final class Codes {

    /** Any registry code: districts, streets, groups, courtyards, households, organisations. */
    public static final String CODE = "^[A-Za-z0-9-]{2,32}$";
    /** Community codes are at least three characters (the event schemas say so). */
    public static final String COMMUNITY_CODE = "^[A-Za-z0-9-]{3,32}$";
    public static final int NAME_MAX = 120;

    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);
    private static final Pattern COMMUNITY_CODE_PATTERN = Pattern.compile(COMMUNITY_CODE);

    private Codes() {
    }

    public static boolean isCode(String value) {
        return value != null && CODE_PATTERN.matcher(value).matches();
    }

    public static boolean isCommunityCode(String value) {
        return value != null && COMMUNITY_CODE_PATTERN.matcher(value).matches();
    }
}
