package org.silkroad.corridor.performance;

import org.junit.jupiter.api.Test;
import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.measurement.domain.Measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Utilization against values worked out by hand. */
class UtilizationTest {

    static Measurement throughput(String value, String unit, String period) {
        Measurement m = new Measurement();
        m.id = UUID.randomUUID();
        m.metric = "throughput";
        m.value = new BigDecimal(value);
        m.unit = unit;
        m.period = period;
        return m;
    }

    @Test
    void aMonthlyTotalIsAnnualisedBeforeDividingByAYearlyCapacity() {
        // 1.5 Mt in March = 18 Mt/year; 18 / 20 = 0.9
        Capacity capacity = new Capacity(new BigDecimal("20"), null, null, "Mt/year", "design");
        Utilization u = Utilization.of(capacity, List.of(throughput("1.5", "Mt", "2024-03"))).orElseThrow();
        assertEquals(18, u.throughputPerBasis(), 1e-9);
        assertEquals(0.9, u.utilization(), 1e-9);
    }

    @Test
    void aDailyRateInTonnesIsComparedWithMillionTonnesPerYear() {
        // 27,397.26 t/day × 365 = 10 Mt/year; 10 / 20 = 0.5
        Capacity capacity = new Capacity(new BigDecimal("20"), null, null, "million_t_per_year", null);
        Utilization u = Utilization.of(capacity, List.of(throughput("27397.260274", "t/day", ""))).orElseThrow();
        assertEquals(0.5, u.utilization(), 1e-9);
    }

    @Test
    void aCapacityRangeGivesAUtilizationRange() {
        // 36 bcm in 2019 against 30–40 bcm/year: 36/40 = 0.9 … 36/30 = 1.2, middle 1.05
        Capacity capacity = new Capacity(null, new BigDecimal("30"), new BigDecimal("40"), "billion_m3_per_year", "design");
        Utilization u = Utilization.of(capacity, List.of(throughput("36", "bcm", "2019"))).orElseThrow();
        assertEquals(0.9, u.utilizationMin(), 1e-9);
        assertEquals(1.2, u.utilizationMax(), 1e-9);
        assertEquals(1.05, u.utilization(), 1e-9);
    }

    @Test
    void noUtilizationWithoutAPeriodBasisOrAMatchingThroughput() {
        Capacity perNothing = new Capacity(new BigDecimal("3"), null, null, "million_t", null);
        assertTrue(Utilization.of(perNothing, List.of(throughput("6", "Mt", "2019"))).isEmpty());
        Capacity tonnes = new Capacity(new BigDecimal("3"), null, null, "Mt/year", null);
        assertTrue(Utilization.of(tonnes, List.of(throughput("100", "trains", "2019"))).isEmpty(), "trains are not tonnes");
        assertTrue(Utilization.of(tonnes, List.of(throughput("70", "Mt", ""))).isEmpty(), "an undated total has no rate");
    }
}
