package org.silkroad.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CloudEventRecordTest {

    private static OutboxMessage message(String payload, String type) {
        OutboxMessage m = new OutboxMessage();
        m.eventId = UUID.fromString("6f1c1f3e-8a55-4b1e-9d5e-0f2a3b4c5d6e");
        m.topic = "trade.observations.v1";
        m.aggregateId = "agg-1";
        m.aggregateVersion = 7;
        m.eventType = type;
        m.payload = payload;
        m.occurredAt = OffsetDateTime.of(2025, 3, 1, 10, 15, 0, 0, ZoneOffset.UTC);
        return m;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void carriesTheContextAttributesAsBinaryModeHeadersAndKeysByAggregate() {
        ProducerRecord<String, byte[]> record = CloudEventRecord.of(
                message("{\"a\":1}", "org.silkroad.trade.observation.upserted.v1"), "/trade-service");

        assertEquals("trade.observations.v1", record.topic());
        assertEquals("agg-1", record.key());
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), record.value());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("6f1c1f3e-8a55-4b1e-9d5e-0f2a3b4c5d6e", header(record, "ce_id"));
        assertEquals("/trade-service", header(record, "ce_source"));
        assertEquals("org.silkroad.trade.observation.upserted.v1", header(record, "ce_type"));
        assertEquals("agg-1", header(record, "ce_subject"));
        assertEquals("2025-03-01T10:15:00Z", header(record, "ce_time"));
        assertEquals("7", header(record, "ce_aggregateversion"));
        assertEquals("application/json", header(record, "content-type"));
    }

    @Test
    void aTombstoneHasANullValueAndNoType() {
        ProducerRecord<String, byte[]> record = CloudEventRecord.of(message(null, null), "/trade-service");

        assertNull(record.value());
        assertEquals("agg-1", record.key());
        assertNull(header(record, "ce_type"));
        assertEquals("7", header(record, "ce_aggregateversion"));
    }
}
