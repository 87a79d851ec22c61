package org.silkroad.gateway.readmodel;

/**
 * Fired after an event changed the read model and its transaction committed (or once after a rebuild, with
 * {@code rebuilt} set and no event, or when another gateway instance announced a write, with no topic), so views can
 * be recomputed and pushed.
 */
public record ReadModelChanged(String topic, String aggregateId, String type, long version, String outcome,
                               String label, boolean rebuilt) {

    public static ReadModelChanged of(IncomingEvent event, EventProjector.Outcome outcome) {
        return new ReadModelChanged(event.topic().topicName(), event.aggregateId(), event.type(), event.version(),
                outcome.name().toLowerCase(), event.label(), false);
    }

    /** Another gateway instance changed what these sources own (no event details travel between instances). */
    public static ReadModelChanged elsewhere(java.util.Collection<String> sources) {
        return new ReadModelChanged(null, null, null, 0, "elsewhere",
                "applied by another gateway instance: " + String.join(", ", sources), false);
    }

    public static ReadModelChanged rebuild() {
        return new ReadModelChanged(null, null, null, 0, "rebuilt", null, true);
    }
}
