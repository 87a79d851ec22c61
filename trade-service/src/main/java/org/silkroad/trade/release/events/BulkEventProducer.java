package org.silkroad.trade.release.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The release publisher's producer: the outbox's guarantees ({@code acks=all}, idempotence, so per-partition order
 * survives retries) tuned for throughput: lz4 compression, a linger to fill large batches, a larger buffer.
 */
@ApplicationScoped
class BulkEventProducer {

    private final Map<String, Object> kafkaConfig;
    private final PublisherSettings settings;
    private Producer<String, byte[]> producer;

    BulkEventProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, PublisherSettings settings) {
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
    }

    synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        reset();
    }

    private Map<String, Object> config() {
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
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, timeoutMs - 1));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, timeoutMs));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "release-publisher-trade-service");
        return config;
    }
}
