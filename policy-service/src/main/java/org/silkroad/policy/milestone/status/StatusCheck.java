package org.silkroad.policy.milestone.status;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.silkroad.policy.milestone.Milestones;

/**
 * A milestone's status changes when time passes one of its lifecycle dates (a programme ends, a target's deadline
 * passes) without anyone editing it. Once a day, and once at start to catch up on days the service was down, every
 * such change is published. The check compares with the status last published, so it is idempotent: each change
 * goes out exactly once however often the check runs.
 */
@ApplicationScoped
public class StatusCheck {

    private static final Logger LOG = Logger.getLogger(StatusCheck.class);

    private final Milestones milestones;

    StatusCheck(Milestones milestones) {
        this.milestones = milestones;
    }

    void atStart(@Observes StartupEvent start) {
        run();
    }

    @Scheduled(identity = "milestone-status-check", cron = "{silkroad.policy.status-check.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        run();
    }

    /** Publishes today's time-driven status changes; returns how many milestones changed. */
    public int run() {
        int published = milestones.publishStatusChanges(milestones.today());
        if (published > 0) {
            LOG.infof("published %d milestone(s) whose status changed with the date", published);
        }
        return published;
    }
}
