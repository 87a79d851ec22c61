package org.silkroad.trade.release.api;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money and rates compared as numbers: 410000.5 equals 410000.50, whatever scale JSON gave it. */
public final class Decimals {

    private Decimals() {
    }

    public static void assertDecimal(String expected, Object actual) {
        assertNotNull(actual, () -> "expected " + expected + ", found nothing");
        assertTrue(new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))) == 0, () -> expected + " != " + actual);
    }
}
