package org.silkroad.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/ holds placeholders, never real secrets, and each kustomization applies what its folder holds but examples. */
class DeployFolderTest {

    private static final Path DEPLOY = DeployedService.REPOSITORY.resolve("deploy");

    @Test
    void exampleSecretsHoldOnlyMarkedPlaceholders() throws IOException {
        List<Path> examples = examples();
        assertTrue(examples.size() >= DeployedService.values().length + 1, "example files: " + examples);
        for (Path file : examples) {
            String text = Files.readString(file);
            assertFalse(text.contains("PRIVATE KEY"), file + " holds a private key");
            for (JsonNode doc : Yaml.ofKind(Yaml.documents(file), "Secret").toList()) {
                assertTrue(doc.path("data").isMissingNode(), file + ": base64 data hides what it holds; use stringData placeholders");
                doc.path("stringData").properties().forEach(entry -> assertTrue(entry.getValue().asText().contains("CHANGE-ME"),
                        file + ": " + entry.getKey() + " is not a marked placeholder"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void aServicesKustomizationAppliesEverythingInItsFolderButTheExamples(DeployedService service) throws IOException {
        assertKustomization(service.deployFolder());
    }

    @Test
    void theTopicsKustomizationAppliesTheTopicsButNotThePartnerExample() throws IOException {
        assertKustomization(DEPLOY.resolve("kafka"));
    }

    private static void assertKustomization(Path folder) throws IOException {
        JsonNode kustomization = Yaml.documents(folder.resolve("kustomization.yaml")).get(0);
        assertEquals("Kustomization", kustomization.path("kind").asText());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml") && !n.endsWith(".example.yaml"))
                    .forEach(present::add);
        }
        assertEquals(present, listed, folder + ": kustomization.yaml resources vs the manifests in the folder");
        assertTrue(listed.stream().noneMatch(n -> n.contains("example")), folder + " applies an example");
    }

    private static List<Path> examples() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY, 2)) {
            files.filter(f -> f.getFileName().toString().endsWith(".example.yaml")).sorted().forEach(out::add);
        }
        return out;
    }
}
