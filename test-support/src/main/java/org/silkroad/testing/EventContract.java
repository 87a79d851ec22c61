package org.silkroad.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Checks a published payload against the JSON Schema of its event type in contracts/. */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Draft 2020-12 treats {@code format} as an annotation only; the contracts use it for ids, dates and times that
     * partners parse, so it is asserted here.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventContract() {
    }

    /** The violations of the schema for {@code eventType}; empty when the payload conforms. */
    public static List<String> violations(String eventType, String payload) {
        String resource = "contracts/schemas/" + eventType + ".json";
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of("no schema in contracts/ for event type " + eventType);
            }
            Schema schema = REGISTRY.getSchema(in, InputFormat.JSON);
            JsonNode node = JSON.readTree(payload);
            return schema.validate(node).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
