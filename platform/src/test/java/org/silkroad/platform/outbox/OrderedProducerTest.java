package org.silkroad.platform.outbox;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class OrderedProducerTest {

    @Test
    void tuningCannotTakeAwayTheGuaranteesTheOutboxReliesOn() {
        OrderedProducer producer = new OrderedProducer(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.ACKS_CONFIG, "1"),
                Duration.ofSeconds(30),
                Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.LINGER_MS_CONFIG, 20,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 50));
        Map<String, Object> config = producer.config();
        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals(5, config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        assertEquals(20, config.get(ProducerConfig.LINGER_MS_CONFIG), "tuning that keeps the guarantees applies");
        assertEquals("localhost:1", config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Test
    void takesOnlyProducerSettingsFromTheSharedKafkaConfigurationAndBoundsTimeoutsByTheDeliveryTimeout() {
        OrderedProducer producer = new OrderedProducer(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", "group.id", "a-consumer-setting"),
                Duration.ofSeconds(3), Map.of());
        Map<String, Object> config = producer.config();
        assertFalse(config.containsKey("group.id"));
        assertEquals(3000, config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals(2999, config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
        assertEquals(3000, config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
    }
}
