package org.silkroad.trade.release.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the release publisher, under {@code silkroad.trade.publisher}. */
@ConfigMapping(prefix = "silkroad.trade.publisher")
public interface PublisherSettings {

    /** Off for a replica that should only take imports (another one publishes). */
    @WithDefault("true")
    boolean enabled();

    /** Records per batch; the cursor moves once per batch, after Kafka acknowledged all of it. */
    @WithDefault("50000")
    int batchSize();

    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("5s")
    Duration maxBackoff();

    /** How long a batch waits for Kafka's acknowledgements before it is given up and sent again. */
    @WithDefault("60s")
    Duration deliveryTimeout();

    /** Producer linger: records wait this long to fill a batch (throughput over latency for bulk). */
    @WithDefault("20ms")
    Duration linger();

    /** Producer compression of bulk events ({@code none}, {@code lz4}, …): measured in ADR 0008. */
    @WithDefault("lz4")
    String compression();
}
