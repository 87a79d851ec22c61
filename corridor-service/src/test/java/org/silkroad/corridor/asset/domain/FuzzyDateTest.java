package org.silkroad.corridor.asset.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzyDateTest {

    @Test
    void eachFormKeepsItsPrecisionAndBounds() {
        FuzzyDate decade = FuzzyDate.parse("1980s").orElseThrow();
        assertEquals("decade", decade.precision());
        assertEquals(LocalDate.of(1980, 1, 1), decade.earliest());
        assertEquals(LocalDate.of(1989, 12, 31), decade.latest());

        FuzzyDate month = FuzzyDate.parse("2014-12").orElseThrow();
        assertEquals("month", month.precision());
        assertEquals(LocalDate.of(2014, 12, 31), month.latest());

        assertEquals("year", FuzzyDate.parse("2006").orElseThrow().precision());
        assertEquals("day", FuzzyDate.parse("2015-03-03").orElseThrow().precision());
        assertEquals(LocalDate.of(2024, 2, 29), FuzzyDate.parse("2024-02").orElseThrow().latest());
    }

    @Test
    void textThatIsNotADateIsRefused() {
        assertTrue(FuzzyDate.parse("2014-13").isEmpty());
        assertTrue(FuzzyDate.parse("1985s").isEmpty());
        assertTrue(FuzzyDate.parse("2021-02-30").isEmpty());
        assertTrue(FuzzyDate.parse("spring 2020").isEmpty());
    }
}
