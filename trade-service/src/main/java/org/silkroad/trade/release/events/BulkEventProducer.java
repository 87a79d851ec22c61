package org.silkroad.trade.release.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.silkroad.platform.outbox.OrderedProducer;

import java.util.Map;

/**
 * The release publisher's producer: the outbox's guarantees ({@code acks=all}, idempotence, so per-partition order
 * survives retries) tuned for throughput: compression, a linger to fill large batches, a larger buffer, and a longer
 * request timeout, since a full batch takes longer to append than one event.
 */
@ApplicationScoped
class BulkEventProducer {

    private final OrderedProducer producer;

    BulkEventProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, PublisherSettings settings) {
        int timeoutMs = (int) settings.deliveryTimeout().toMillis();
        this.producer = new OrderedProducer(kafkaConfig, settings.deliveryTimeout(), Map.of(
                ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis(),
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, timeoutMs - 1),
                ProducerConfig.CLIENT_ID_CONFIG, "release-publisher-trade-service"));
    }

    Producer<String, byte[]> get() {
        return producer.get();
    }

    void reset() {
        producer.reset();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
