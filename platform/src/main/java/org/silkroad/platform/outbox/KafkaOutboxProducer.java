package org.silkroad.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Map;

/** The relay's producer: tuned for latency (a 2 ms linger, no compression), since a single write waits for it. */
@ApplicationScoped
class KafkaOutboxProducer {

    private final OrderedProducer producer;

    KafkaOutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxSettings settings) {
        String clientId = kafkaConfig.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG,
                "outbox-relay" + settings.source().replace('/', '-')).toString();
        this.producer = new OrderedProducer(kafkaConfig, settings.deliveryTimeout(), Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.CLIENT_ID_CONFIG, clientId));
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
