package org.silkroad.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox promise, checked from the topic's side: every write accepted (in the order given) reached the topic,
 * and within each partition the events stand in the order the writes were accepted. Each owning service's outage
 * test accepts writes while {@link KafkaOutage} holds the broker down, then asks this.
 */
public final class OutageDelivery {

    private OutageDelivery() {
    }

    public static void assertAllPublishedInAcceptedOrder(String topic, List<String> acceptedKeys, Duration timeout) {
        try (TopicProbe probe = TopicProbe.fromBeginning(topic)) {
            List<ConsumerRecord<String, String>> events = probe.await(r -> acceptedKeys.contains(r.key()), acceptedKeys.size(), timeout);
            assertEquals(acceptedKeys.size(), events.stream().map(ConsumerRecord::key).distinct().count(),
                    "every write accepted during the outage reached " + topic);
            Map<Integer, List<ConsumerRecord<String, String>>> byPartition = events.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::partition));
            byPartition.values().forEach(records -> {
                List<Integer> acceptedOrder = records.stream()
                        .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                        .map(r -> acceptedKeys.indexOf(r.key()))
                        .distinct()
                        .toList();
                assertEquals(acceptedOrder.stream().sorted().toList(), acceptedOrder,
                        "within partition " + records.get(0).partition() + " events follow the order the writes were accepted");
            });
        }
    }
}
