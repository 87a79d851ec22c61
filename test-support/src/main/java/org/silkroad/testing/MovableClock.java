package org.silkroad.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the system clock in tests (it wins over the platform's default {@code Clock}), so a test can move to the day
 * a lifecycle date arrives or a status window ends. Real time by default.
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Instant fixed;

    public void moveTo(LocalDate day) {
        fixed = day.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant();
    }

    public void backToRealTime() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }
}
