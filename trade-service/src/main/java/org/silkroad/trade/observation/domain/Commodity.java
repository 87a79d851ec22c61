package org.silkroad.trade.observation.domain;

import java.util.regex.Pattern;

/** {@code TOTAL} or an HS code at chapter (2 digits), heading (4) or subheading (6) level. */
public final class Commodity {

    public static final String TOTAL = "TOTAL";
    private static final Pattern HS = Pattern.compile("\\d{2}(\\d{2}(\\d{2})?)?");

    private Commodity() {
    }

    public static boolean isValid(String code) {
        return TOTAL.equals(code) || (code != null && HS.matcher(code).matches());
    }

    /** 0 for TOTAL, otherwise the number of HS digits (2, 4 or 6). */
    public static int level(String code) {
        return TOTAL.equals(code) ? 0 : code.length();
    }

    public static String chapter(String code) {
        return TOTAL.equals(code) ? null : code.substring(0, 2);
    }
}
