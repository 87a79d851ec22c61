package org.silkroad.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.silkroad.contracts.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Writes records to a topic as an owning service (or a misbehaving one) would, so consumers can be tested against
 * exactly the records they may meet: duplicates, stale versions, tombstones and garbage.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private TopicWriter() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(TestInfrastructure.BOOTSTRAP),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    public static TopicWriter open() {
        TestInfrastructure.ensureStarted();
        return new TopicWriter();
    }

    /** The {@code ce_*} headers of a well-formed binary-mode CloudEvent; change or drop entries to break it. */
    public static Map<String, String> cloudEvent(String source, String type, String subject, long version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.TIME, OffsetDateTime.now(ZoneOffset.UTC).toString());
        headers.put(CloudEventHeaders.AGGREGATE_VERSION, Long.toString(version));
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** Sends one record and waits until the broker has it; a null value is a tombstone. */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        return send(topic, null, key, value, headers);
    }

    /**
     * Sends to a chosen partition: a consumer reads one partition in order, so a marker sent behind other records on
     * their partition proves, once it is consumed, that they were consumed too.
     */
    public RecordMetadata send(String topic, Integer partition, String key, String value, Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, v) -> kafkaHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value, kafkaHeaders)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
