package org.silkroad.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublishingLoopTest {

    @Test
    void theBackoffDoublesFrom200MillisecondsUpToItsMaximum() {
        Duration max = Duration.ofSeconds(1);
        Duration d = PublishingLoop.next(Duration.ZERO, max);
        assertEquals(Duration.ofMillis(200), d);
        d = PublishingLoop.next(d, max);
        assertEquals(Duration.ofMillis(400), d);
        d = PublishingLoop.next(PublishingLoop.next(d, max), max);
        assertEquals(max, d, "800 ms, then capped at the maximum");
    }
}
