package org.silkroad.gateway.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.silkroad.contracts.CloudEventHeaders;
import org.silkroad.contracts.Topic;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One record of an owning service's topic, read as a binary-mode CloudEvent. A record that cannot be read this way
 * is refused here, before anything is written, so it goes to the dead-letter topic instead of the read model.
 *
 * @param payload the JSON state of the aggregate, or null for a tombstone (the aggregate was deleted)
 * @param label   the feed's one-line description, taken from the payload tree parsed for the schema check
 */
public record IncomingEvent(Topic topic, int partition, long offset, String eventId, String source, String type,
                            String aggregateId, long version, OffsetDateTime time, String payload, String label) {

    private static final Pattern DELETED_TYPE = Pattern.compile(".*\\.deleted\\.v\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isTombstone() {
        return payload == null;
    }

    /**
     * An owner deletes an aggregate with a {@code ….deleted.vN} event (carrying the last state) followed by a
     * tombstone of the same version; either one is enough for the read model to forget the aggregate.
     */
    public boolean isDeletion() {
        return isTombstone() || DELETED_TYPE.matcher(type).matches();
    }

    /**
     * Reads the envelope and checks that a non-tombstone payload is a JSON object of a known type that follows its
     * type's schema in contracts/: everything the live consumers and a rebuild must agree on before an event may
     * touch the read model.
     */
    public static IncomingEvent readChecked(ConsumerRecord<String, String> record) {
        IncomingEvent event = read(record);
        if (event.isTombstone()) {
            return event.labelled(EventLabel.of(event.aggregateId(), null));
        }
        // Parsed once: the same tree is checked against the schema and gives the feed's label.
        JsonNode node = event.json();
        if (node == null || !node.isObject()) {
            throw new UnreadableEvent("payload is not a JSON object");
        }
        EventSchemas.check(event.type(), node);
        return event.labelled(EventLabel.of(event.aggregateId(), node));
    }

    private IncomingEvent labelled(String label) {
        return new IncomingEvent(topic, partition, offset, eventId, source, type, aggregateId, version, time, payload, label);
    }

    /** The payload as a tree; null for a tombstone. */
    public JsonNode json() {
        if (payload == null) {
            return null;
        }
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UnreadableEvent("payload is not JSON: " + e.getOriginalMessage());
        }
    }

    private static IncomingEvent read(ConsumerRecord<String, String> record) {
        Topic topic = Topic.byName(record.topic())
                .orElseThrow(() -> new UnreadableEvent("topic " + record.topic() + " is not one of the system's topics"));
        String id = required(record, CloudEventHeaders.ID);
        String source = required(record, CloudEventHeaders.SOURCE);
        String subject = header(record, CloudEventHeaders.SUBJECT);
        String aggregateId = record.key() != null ? record.key() : subject;
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new UnreadableEvent("record has neither a key nor a " + CloudEventHeaders.SUBJECT + " header");
        }
        if (subject != null && !subject.equals(aggregateId)) {
            throw new UnreadableEvent("key '" + record.key() + "' differs from " + CloudEventHeaders.SUBJECT + " '" + subject + "'");
        }
        long version = version(required(record, CloudEventHeaders.AGGREGATE_VERSION));
        OffsetDateTime time = time(header(record, CloudEventHeaders.TIME));
        String type = header(record, CloudEventHeaders.TYPE);
        if (record.value() != null && (type == null || type.isBlank())) {
            throw new UnreadableEvent("header " + CloudEventHeaders.TYPE + " is missing");
        }
        return new IncomingEvent(topic, record.partition(), record.offset(), id, source, type, aggregateId, version,
                time, record.value(), null);
    }

    private static long version(String text) {
        try {
            long version = Long.parseLong(text);
            if (version < 1) {
                throw new UnreadableEvent(CloudEventHeaders.AGGREGATE_VERSION + " must be at least 1, was " + text);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new UnreadableEvent(CloudEventHeaders.AGGREGATE_VERSION + " is not a number: '" + text + "'");
        }
    }

    private static OffsetDateTime time(String text) {
        if (text == null) {
            // ce_time is optional in CloudEvents; without it the event counts as happening when it arrives.
            return OffsetDateTime.now();
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableEvent(CloudEventHeaders.TIME + " is not an RFC 3339 time: '" + text + "'");
        }
    }

    private static String required(ConsumerRecord<?, ?> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("header " + name + " is missing");
        }
        return value;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
