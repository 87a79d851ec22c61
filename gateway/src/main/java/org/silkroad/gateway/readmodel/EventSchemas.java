package org.silkroad.gateway.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of contracts/ by event type ({@code ce_type}), loaded once each from the contracts jar. An event
 * whose type has no schema, or whose payload breaks it, cannot be read: it goes to the dead-letter topic, so the
 * views can rely on the contract's fields (ADR 0013).
 */
final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Optional<Schema>> SCHEMAS = new ConcurrentHashMap<>();
    private static final int VIOLATIONS_NAMED = 3;

    private EventSchemas() {
    }

    /** Throws {@link UnreadableEvent} naming the reason when the payload is not an event of this type's contract. */
    static void check(String type, JsonNode payload) {
        Schema schema = SCHEMAS.computeIfAbsent(type, EventSchemas::load)
                .orElseThrow(() -> new UnreadableEvent("unknown event type " + type + ": no schema in contracts/"));
        List<Error> violations = schema.validate(payload);
        if (!violations.isEmpty()) {
            throw new UnreadableEvent("payload breaks the schema of " + type + ": " + violations.stream()
                    .limit(VIOLATIONS_NAMED).map(Error::toString).toList()
                    + (violations.size() > VIOLATIONS_NAMED ? " and " + (violations.size() - VIOLATIONS_NAMED) + " more" : ""));
        }
    }

    private static Optional<Schema> load(String type) {
        if (!type.matches("[a-z0-9.]+")) {
            return Optional.empty();
        }
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("contracts/schemas/" + type + ".json")) {
            return in == null ? Optional.empty() : Optional.of(REGISTRY.getSchema(in, InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
