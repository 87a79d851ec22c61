package org.silkroad.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay, under {@code silkroad.outbox}. */
@ConfigMapping(prefix = "silkroad.outbox")
public interface OutboxSettings {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /trade-service}. */
    String source();

    /** Turns the relay off, for a replica that should only accept writes (another one relays). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How many rows one relay round takes; larger rounds amortise the database round trips. */
    @WithDefault("1000")
    int batchSize();

    /** How often the relay looks for rows when nothing woke it (catch-up after a restart or a Kafka outage). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest pause between attempts while Kafka cannot be reached. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long published rows are kept for inspection before they are purged. */
    @WithDefault("P1D")
    Duration retention();

    /** How long one round waits for Kafka to acknowledge before it gives up and retries the same rows. */
    @WithDefault("15s")
    Duration deliveryTimeout();
}
