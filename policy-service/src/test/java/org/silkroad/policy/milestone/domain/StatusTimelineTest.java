package org.silkroad.policy.milestone.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusTimelineTest {

    private static LifecycleDates dates(String announced, String inForce, String completed) {
        LifecycleDates d = new LifecycleDates();
        d.announced = announced;
        d.inForce = inForce;
        d.completed = completed;
        return d;
    }

    @Test
    void aProgrammeIsPendingBeforeAnnouncedThenInForceThroughItsLastYearThenCompleted() {
        StatusTimeline nurlyZhol = StatusTimeline.of(dates("2014-11", "2015", "2019"));
        assertEquals(MilestoneStatus.PENDING, nurlyZhol.statusAt(LocalDate.parse("2014-10-31")));
        assertEquals(MilestoneStatus.ANNOUNCED, nurlyZhol.statusAt(LocalDate.parse("2014-11-01")));
        assertEquals(MilestoneStatus.IN_FORCE, nurlyZhol.statusAt(LocalDate.parse("2015-01-01")));
        assertEquals(MilestoneStatus.IN_FORCE, nurlyZhol.statusAt(LocalDate.parse("2019-12-31")), "a 2015-2019 programme runs through 2019");
        assertEquals(MilestoneStatus.COMPLETED, nurlyZhol.statusAt(LocalDate.parse("2020-01-01")));
    }

    @Test
    void withoutAnyLifecycleDateTheStatusIsUnknownOnEveryDay() {
        assertEquals(MilestoneStatus.UNKNOWN, StatusTimeline.of(new LifecycleDates()).statusAt(LocalDate.parse("2015-06-01")));
    }

    @Test
    void theEarliestOfSeveralEndsEndsTheMilestone() {
        LifecycleDates d = dates(null, "2001", null);
        d.expired = "2020";
        d.withdrawn = "2010-03-15";
        StatusTimeline timeline = StatusTimeline.of(d);
        assertEquals(MilestoneStatus.IN_FORCE, timeline.statusAt(LocalDate.parse("2010-03-15")));
        assertEquals(MilestoneStatus.WITHDRAWN, timeline.statusAt(LocalDate.parse("2010-03-16")));
        assertEquals(MilestoneStatus.WITHDRAWN, timeline.statusAt(LocalDate.parse("2030-01-01")));
    }
}
