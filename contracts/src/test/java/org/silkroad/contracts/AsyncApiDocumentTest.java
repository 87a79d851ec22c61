package org.silkroad.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document partners read must not drift from the topics the code creates and the schemas it ships. It is parsed,
 * not searched as text: a description with an unquoted ": " once made the whole file unreadable to YAML tools while
 * every text search still passed.
 */
class AsyncApiDocumentTest {

    static final Path CONTRACTS = Path.of(System.getProperty("user.dir"));
    static JsonNode document;

    @BeforeAll
    static void parse() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void isAnAsyncApi3DocumentWithOneChannelPerTopicOfTheSystem() {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        Set<String> addresses = new TreeSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        Set<String> topics = new TreeSet<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.topicName());
        }
        assertEquals(topics, addresses);
    }

    @Test
    void everyMessageReferenceResolvesToAMessageWithAnExistingPayloadSchema() {
        JsonNode messages = document.path("components").path("messages");
        document.path("channels").properties().forEach(channel ->
                channel.getValue().path("messages").forEach(message -> {
                    String ref = message.path("$ref").asText();
                    assertTrue(ref.startsWith("#/components/messages/"), channel.getKey() + ": " + ref);
                    assertTrue(messages.has(ref.substring("#/components/messages/".length())), ref + " does not resolve");
                }));
        messages.properties().forEach(message -> {
            String payload = message.getValue().path("payload").path("$ref").asText();
            assertTrue(payload.startsWith("./schemas/"), message.getKey() + " has no schema payload");
            assertTrue(Files.isRegularFile(CONTRACTS.resolve(payload)), payload + " does not exist");
        });
    }

    @Test
    void everyShippedSchemaIsThePayloadOfAMessageNamedForItsType() throws IOException {
        Set<String> referenced = new HashSet<>();
        document.path("components").path("messages").forEach(message -> {
            String payload = message.path("payload").path("$ref").asText();
            referenced.add(payload.substring(payload.lastIndexOf('/') + 1));
            assertEquals(message.path("name").asText() + ".json", payload.substring(payload.lastIndexOf('/') + 1),
                    "a message is named for the event type its schema describes");
        });
        try (var schemas = Files.list(CONTRACTS.resolve("schemas"))) {
            for (Path schema : schemas.toList()) {
                assertTrue(referenced.contains(schema.getFileName().toString()), schema.getFileName() + " is not in asyncapi.yaml");
            }
        }
    }
}
