package org.silkroad.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.silkroad.contracts.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates every topic of {@link Topic} with its partitions and cleanup policy, plus its dead-letter topic.
 * Relying on broker auto-creation would give one partition and no compaction, and the first consumer would race it.
 */
public final class TopicLayout {

    private TopicLayout() {
    }

    /** Creates what is missing; topics that already exist are left as they are. */
    public static void ensure(String bootstrapServers) {
        List<NewTopic> wanted = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            wanted.add(new NewTopic(topic.topicName(), Topic.PARTITIONS, (short) 1)
                    .configs(Map.of("cleanup.policy", topic.compacted() ? "compact" : "delete")));
            wanted.add(new NewTopic(topic.deadLetterTopicName(), 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : wanted) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
