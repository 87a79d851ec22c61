package org.silkroad.platform.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The thread that takes committed changes to Kafka, for the outbox relay and trade's release publisher alike: it runs
 * rounds while there is work, waits for a wake-up or the poll interval when there is none, and after a failed round
 * (Kafka away, a batch not acknowledged) pauses with a doubling backoff up to a maximum, logging each distinct error
 * once. A commit does not shorten the pause: Kafka is what it waits for.
 */
public final class PublishingLoop {

    private static final Logger LOG = Logger.getLogger(PublishingLoop.class);

    /** One round of work; true when there may be more to do right away. */
    @FunctionalInterface
    public interface Round {
        boolean run();
    }

    /** Waits until there may be work again, at most the given time. */
    @FunctionalInterface
    public interface Idle {
        void await(long millis) throws InterruptedException;
    }

    private final String name;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Round round;
    private final Idle idle;
    private final Runnable afterFailure;
    private volatile boolean running;
    private volatile String lastError;
    private Thread worker;

    /** {@code afterFailure} runs after each failed round, e.g. to drop a producer that may hold a broken state. */
    public PublishingLoop(String name, Duration pollInterval, Duration maxBackoff, Round round, Idle idle, Runnable afterFailure) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.round = round;
        this.idle = idle;
        this.afterFailure = afterFailure;
    }

    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, name);
        worker.setDaemon(true);
        worker.start();
    }

    public void stop() {
        running = false;
        Thread w = worker;
        if (w != null) {
            w.interrupt();
            try {
                w.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The error of the last round when it failed, null after a successful one. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                boolean more = round.run();
                backoff = Duration.ZERO;
                lastError = null;
                if (!more) {
                    idle.await(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = next(backoff, maxBackoff);
                if (!e.toString().equals(lastError)) {
                    LOG.warnf("%s: round failed, retrying every %s until Kafka acknowledges: %s", name, backoff, e);
                }
                lastError = e.toString();
                afterFailure.run();
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static Duration next(Duration current, Duration max) {
        Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
        return next.compareTo(max) > 0 ? max : next;
    }
}
