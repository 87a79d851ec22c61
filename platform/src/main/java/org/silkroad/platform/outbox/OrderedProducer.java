package org.silkroad.platform.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka producer for anything that publishes committed changes: configured from the standard {@code kafka.*}
 * settings (so {@code KAFKA_BOOTSTRAP_SERVERS} points it anywhere) and forced to the guarantees the outbox relies on,
 * {@code acks=all} and idempotence, which keep per-partition order across retries. Callers add their own tuning
 * (latency for the relay, throughput for trade's release publisher) on top; the guarantees cannot be tuned away.
 */
public final class OrderedProducer implements AutoCloseable {

    private final Map<String, Object> config;
    private Producer<String, byte[]> producer;

    public OrderedProducer(Map<String, Object> kafkaConfig, Duration deliveryTimeout, Map<String, Object> tuning) {
        Map<String, Object> c = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                c.put(key, value);
            }
        });
        int timeoutMs = (int) deliveryTimeout.toMillis();
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, timeoutMs - 1));
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, timeoutMs));
        c.putAll(tuning);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        this.config = Map.copyOf(c);
    }

    public synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(new HashMap<>(config), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Drops a producer that may hold a broken state, so the next round starts from a clean one. */
    public synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        reset();
    }

    /** The effective configuration, for tests and logs. */
    public Map<String, Object> config() {
        return config;
    }
}
