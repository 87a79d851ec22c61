package org.silkroad.gateway.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the time of each source's last event into age and staleness at one instant. */
@ApplicationScoped
public class Freshness {

    private final KafkaReachability kafka;
    private final Duration silentAfter;

    Freshness(KafkaReachability kafka, @ConfigProperty(name = "gateway.freshness.silent-after", defaultValue = "P7D") Duration silentAfter) {
        this.kafka = kafka;
        this.silentAfter = silentAfter;
    }

    public List<SourceFreshness> at(OffsetDateTime asOf, Map<String, OffsetDateTime> lastEventBySource) {
        OffsetDateTime kafkaDown = kafka.unreachableSince();
        List<SourceFreshness> result = new ArrayList<>();
        lastEventBySource.forEach((source, last) -> {
            Long age = last == null ? null : Math.max(0, Duration.between(last, asOf).toSeconds());
            String reason = null;
            if (kafkaDown != null) {
                reason = "Kafka unreachable since " + kafkaDown;
            } else if (last == null) {
                reason = "no event received yet";
            } else if (age > silentAfter.toSeconds()) {
                reason = "silent for more than " + silentAfter;
            }
            result.add(new SourceFreshness(source, last, age, reason != null, reason));
        });
        return result;
    }
}
