package org.silkroad.policy.milestone.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateOrderTest {

    @Test
    void inForceBeforeSignedIsNamedByTheLaterField() {
        LifecycleDates d = new LifecycleDates();
        d.signed = "2016-05";
        d.inForce = "2015";
        List<DateOrder.Violation> violations = DateOrder.check("2016", null, d);
        assertEquals(List.of(new DateOrder.Violation("lifecycle.inForce", "must not be before signed (2016-05)")), violations);
    }

    @Test
    void fuzzyDatesThatMayBeTheSameDayDoNotClash() {
        LifecycleDates d = new LifecycleDates();
        d.signed = "2016";
        d.inForce = "2016-01";
        d.completed = "2016";
        assertTrue(DateOrder.check("2016", "2016", d).isEmpty());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertEquals("dateEnd", DateOrder.check("2015", "2014-12", new LifecycleDates()).get(0).field());
    }
}
