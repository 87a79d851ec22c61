package org.silkroad.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document partners read must not drift from the topics the code creates and the schemas it ships. */
class AsyncApiDocumentTest {

    static final Path CONTRACTS = Path.of(System.getProperty("user.dir"));

    @Test
    void everyTopicOfTheSystemIsAChannelOfTheDocument() throws IOException {
        String document = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
        for (Topic topic : Topic.values()) {
            assertTrue(document.contains("address: " + topic.topicName()), topic.topicName() + " is missing from asyncapi.yaml");
        }
    }

    @Test
    void everySchemaTheDocumentReferencesExistsAndEverySchemaIsReferenced() throws IOException {
        String document = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
        Matcher refs = Pattern.compile("\\$ref: '\\./(schemas/[^']+)'").matcher(document);
        int count = 0;
        while (refs.find()) {
            count++;
            assertTrue(Files.isRegularFile(CONTRACTS.resolve(refs.group(1))), refs.group(1) + " does not exist");
        }
        try (var schemas = Files.list(CONTRACTS.resolve("schemas"))) {
            for (Path schema : schemas.toList()) {
                assertTrue(document.contains("./schemas/" + schema.getFileName()), schema.getFileName() + " is not in asyncapi.yaml");
            }
        }
        assertTrue(count > 0, "the document references its schemas");
    }
}
