package org.silkroad.corridor.status;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Once a day, and once at start to catch up on days the service was down, ends the status windows that are over.
 * Nobody edits the asset when a closure ends, so time has to do it; {@link StatusWindows} makes a repeat harmless.
 */
@ApplicationScoped
public class StatusWindowCheck {

    private static final Logger LOG = Logger.getLogger(StatusWindowCheck.class);

    private final StatusWindows windows;
    private final Clock clock;

    StatusWindowCheck(StatusWindows windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    void atStart(@Observes StartupEvent start) {
        run();
    }

    @Scheduled(identity = "status-window-check", cron = "{silkroad.corridor.status-window-check.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        run();
    }

    /** Ends the windows that ended before today (by the injected clock); returns how many assets changed. */
    public int run() {
        int ended = windows.endBefore(LocalDate.now(clock));
        if (ended > 0) {
            LOG.infof("ended the status window of %d corridor asset(s)", ended);
        }
        return ended;
    }
}
