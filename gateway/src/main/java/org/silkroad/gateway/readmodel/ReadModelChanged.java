package org.silkroad.gateway.readmodel;

/**
 * Fired after an event changed the read model and its transaction committed (or once after a rebuild, with
 * {@code rebuilt} set and no event), so views can be recomputed and pushed.
 */
public record ReadModelChanged(String topic, String aggregateId, String type, long version, String outcome,
                               String label, boolean rebuilt) {

    public static ReadModelChanged of(IncomingEvent event, EventProjector.Outcome outcome) {
        return new ReadModelChanged(event.topic().topicName(), event.aggregateId(), event.type(), event.version(),
                outcome.name().toLowerCase(), event.label(), false);
    }

    public static ReadModelChanged rebuild() {
        return new ReadModelChanged(null, null, null, 0, "rebuilt", null, true);
    }
}
