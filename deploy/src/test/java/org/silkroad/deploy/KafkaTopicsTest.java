package org.silkroad.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.silkroad.contracts.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topics teams and partners create are the contract's: names, partitions, cleanup policy, dead-letter topics. */
class KafkaTopicsTest {

    private static final Path KAFKA = DeployedService.REPOSITORY.resolve("deploy/kafka");
    /** embedded-infra's TopicLayout gives each dead-letter topic one partition and the default (delete) policy. */
    private static final int DEAD_LETTER_PARTITIONS = 1;

    record Layout(int partitions, String cleanupPolicy) {
    }

    /** What {@link Topic} (and TopicLayout, which creates them locally) says every topic must be. */
    private static Map<String, Layout> contract() {
        Map<String, Layout> expected = new TreeMap<>();
        for (Topic topic : Topic.values()) {
            expected.put(topic.topicName(), new Layout(Topic.PARTITIONS, topic.compacted() ? "compact" : "delete"));
            expected.put(topic.deadLetterTopicName(), new Layout(DEAD_LETTER_PARTITIONS, "delete"));
        }
        return expected;
    }

    @Test
    void strimziTopicsAreExactlyTheContractsTopicsAndDeadLetterTopics() {
        List<JsonNode> topics = Yaml.ofKind(Yaml.documents(KAFKA.resolve("topics.yaml")), "KafkaTopic").toList();
        Map<String, Layout> declared = new TreeMap<>();
        Set<String> clusters = new HashSet<>();
        Set<String> resourceNames = new HashSet<>();
        for (JsonNode topic : topics) {
            assertEquals("kafka.strimzi.io/v1beta2", topic.path("apiVersion").asText());
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            Layout previous = declared.put(name, new Layout(topic.path("spec").path("partitions").asInt(),
                    topic.path("spec").path("config").path("cleanup.policy").asText("delete")));
            assertEquals(null, previous, name + " is declared twice");
            assertTrue(resourceNames.add(topic.path("metadata").path("name").asText()), "two KafkaTopics share a resource name");
            clusters.add(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            int replicas = topic.path("spec").path("replicas").asInt();
            int minInSync = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
            assertTrue(minInSync <= replicas, name + ": min.insync.replicas " + minInSync + " above " + replicas + " replicas: no write succeeds");
        }
        assertEquals(contract(), declared);
        assertEquals(1, clusters.size(), "topics name different Strimzi clusters: " + clusters);
        assertFalse(clusters.contains(""), "a topic has no strimzi.io/cluster label, so no Topic Operator takes it");
    }

    @Test
    void theKafkaTopicsScriptForClustersWithoutStrimziCreatesTheSameTopics() throws IOException {
        Pattern create = Pattern.compile("^create --topic (\\S+) --partitions (\\d+)(.*)$");
        Pattern policy = Pattern.compile("--config cleanup\\.policy=(\\w+)");
        Map<String, Layout> created = new TreeMap<>();
        for (String line : Files.readAllLines(KAFKA.resolve("kafka-topics.sh"))) {
            Matcher m = create.matcher(line.trim());
            if (m.matches()) {
                Matcher p = policy.matcher(m.group(3));
                created.put(m.group(1), new Layout(Integer.parseInt(m.group(2)), p.find() ? p.group(1) : "delete"));
            }
        }
        assertEquals(contract(), created);
    }

    @Test
    void aPartnerReadsEveryTopicAndWritesNone() {
        JsonNode user = Yaml.ofKind(Yaml.documents(KAFKA.resolve("partner-user.example.yaml")), "KafkaUser").findFirst()
                .orElseThrow(() -> new AssertionError("partner-user.example.yaml holds no KafkaUser"));
        String userName = user.path("metadata").path("name").asText();
        Map<String, Set<String>> topicOperations = new HashMap<>();
        Set<String> groups = new HashSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            Set<String> operations = new HashSet<>();
            acl.path("operations").forEach(o -> operations.add(o.asText()));
            JsonNode resource = acl.path("resource");
            switch (resource.path("type").asText()) {
                case "topic" -> topicOperations.put(resource.path("name").asText(), operations);
                case "group" -> {
                    assertEquals("prefix", resource.path("patternType").asText());
                    groups.add(resource.path("name").asText());
                }
                default -> throw new AssertionError("unexpected ACL resource " + resource);
            }
        }
        Set<String> contractTopics = java.util.Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());
        assertEquals(contractTopics, topicOperations.keySet(), "a partner reads every topic of the contract, and only those");
        topicOperations.forEach((topic, operations) ->
                assertEquals(Set.of("Describe", "Read"), operations, topic + ": a partner only reads"));
        assertEquals(Set.of(userName + "."), groups, "a partner's consumer groups start with its user name");
    }
}
