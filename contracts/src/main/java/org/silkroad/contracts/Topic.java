package org.silkroad.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every topic of the system, with the retention rule DESIGN.md gives it: topics that carry the current state of
 * aggregates are compacted, pure event streams use time retention. The same list feeds the local system, the
 * test infrastructure and (by hand) the Strimzi {@code KafkaTopic} resources in deploy/.
 */
public enum Topic {
    TRADE_OBSERVATIONS("trade.observations.v1", "trade", true),
    TRADE_RELEASES("trade.releases.v1", "trade", false),
    CORRIDOR_ASSETS("corridor.assets.v1", "corridor", true),
    CORRIDOR_MEASUREMENTS("corridor.measurements.v1", "corridor", false),
    CORRIDOR_STATUS("corridor.status.v1", "corridor", false),
    POLICY_MILESTONES("policy.milestones.v1", "policy", true);

    public static final int PARTITIONS = 3;

    private final String topicName;
    private final String source;
    private final boolean compacted;

    Topic(String topicName, String source, boolean compacted) {
        this.topicName = topicName;
        this.source = source;
        this.compacted = compacted;
    }

    public String topicName() {
        return topicName;
    }

    /** The owning service's short name, as used in {@code ce_source} ({@code /trade-service}) and in views. */
    public String source() {
        return source;
    }

    public boolean compacted() {
        return compacted;
    }

    public String deadLetterTopicName() {
        return topicName + ".dlq";
    }

    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }
}
