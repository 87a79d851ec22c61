package org.silkroad.corridor.measurement.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversions against values worked out by hand (365-day year, month = year / 12). */
class UnitsTest {

    private static double convert(double value, String from, String to) {
        return Units.convert(value, Units.find(from).orElseThrow(), Units.find(to).orElseThrow());
    }

    @Test
    void tonnesPerDayAndMillionTonnesPerYearConvertWithA365DayYear() {
        assertEquals(0.000365, convert(1, "t/day", "Mt/year"), 1e-12);
        // 10 Mt/year = 10,000,000 t / 365 days = 27,397.26 t/day
        assertEquals(27_397.260274, convert(10, "million_t_per_year", "t/day"), 1e-6);
        assertEquals(10, convert(27_397.260274, "t/day", "million_t_per_year"), 1e-9);
    }

    @Test
    void billionCubicMetresAreAThousandMillionCubicMetres() {
        assertEquals(1e9, convert(1, "bcm", "m3"), 1e-3);
        assertEquals(1, convert(1, "billion_m3", "bcm"), 1e-12);
        // 30 bcm/year = 30e9 m3 / 365 = 82,191,780.8 m3/day
        assertEquals(82_191_780.82, convert(30, "billion_m3_per_year", "m3/day"), 0.01);
    }

    @Test
    void containersCountInTwentyFootEquivalents() {
        assertEquals(2, convert(1, "FEU", "TEU"), 1e-12);
        // 1,000 TEU a month is 12,000 TEU a year
        assertEquals(12_000, convert(1_000, "TEU/month", "TEU/year"), 1e-9);
        assertEquals(91.25, convert(1, "TEU/day", "TEU/quarter"), 1e-9);
    }

    @Test
    void barrelsAreCubicMetresOfOil() {
        assertEquals(0.158987294928, convert(1, "bbl", "m3"), 1e-12);
        assertEquals(1_000_000 * 0.158987294928, convert(1, "million_bbl", "m3"), 1e-6);
    }

    @Test
    void unitsOfDifferentDimensionsOrRateAndTotalDoNotConvert() {
        assertThrows(IllegalArgumentException.class, () -> convert(1, "t", "m3"));
        assertThrows(IllegalArgumentException.class, () -> convert(1, "t/day", "t"));
        assertThrows(IllegalArgumentException.class, () -> convert(1, "pairs", "routes"));
        assertEquals(3, convert(3, "pairs", "pairs"));
    }

    @Test
    void unknownUnitsAreNotInTheCatalogue() {
        assertTrue(Units.find("parsecs").isEmpty());
        assertTrue(Units.find("t/fortnight").isEmpty());
        assertTrue(Units.find("km/h").isPresent());
        assertFalse(Units.find("km/h").orElseThrow().isRate(), "a speed is a unit of its own, not km per hour-period");
        assertEquals(48, convert(2, "days", "hours"), 1e-12);
    }
}
