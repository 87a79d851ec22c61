package org.silkroad.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The relay's Kafka producer, configured from the standard {@code kafka.*} settings (so
 * {@code KAFKA_BOOTSTRAP_SERVERS} points it anywhere) and forced to the guarantees the outbox relies on:
 * {@code acks=all} and idempotence, which keeps per-partition order across retries.
 */
@ApplicationScoped
class KafkaOutboxProducer {

    private final Map<String, Object> kafkaConfig;
    private final OutboxSettings settings;
    private Producer<String, byte[]> producer;

    KafkaOutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxSettings settings) {
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
    }

    synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Drops a producer that may hold a broken state, so the next round starts from a clean one. */
    synchronized void reset() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        reset();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        int timeoutMs = (int) settings.deliveryTimeout().toMillis();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, timeoutMs - 1));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, timeoutMs));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + settings.source().replace('/', '-'));
        return config;
    }
}
