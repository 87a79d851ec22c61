package org.silkroad.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.silkroad.contracts.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * Maps an outbox row to a Kafka record in CloudEvents binary mode: the payload is the record value, the context
 * attributes travel as {@code ce_*} headers and the aggregate id is the key, so one aggregate stays on one partition.
 */
final class CloudEventRecord {

    private CloudEventRecord() {
    }

    static ProducerRecord<String, byte[]> of(OutboxMessage message, String source) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, message.eventId.toString());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.SUBJECT, message.aggregateId);
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(message.occurredAt));
        header(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(message.aggregateVersion));
        byte[] value = null;
        if (!message.isTombstone()) {
            header(headers, CloudEventHeaders.TYPE, message.eventType);
            header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            value = message.payload.getBytes(StandardCharsets.UTF_8);
        }
        return new ProducerRecord<>(message.topic, null, message.aggregateId, value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
