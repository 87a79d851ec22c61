package org.silkroad.gateway.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.silkroad.gateway.readmodel.persistence.ReadModelWriter;
import org.silkroad.gateway.readmodel.persistence.ReadModelWriter.AggregateRow;
import org.silkroad.gateway.readmodel.persistence.ReadModelWriter.SourceCount;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of events to the read model in one transaction, with the same effect as applying them one after
 * the other: an event whose {@code ce_id} was handled before (or earlier in the batch) is a duplicate; per aggregate,
 * an event applies only when its version is newer than the one held or applied earlier in the batch, so only the
 * first event reaching the batch's highest version is written; a deletion keeps the row with its version. The
 * {@code ce_id}s are recorded in the same transaction as the changes, so a redelivery after a crash or rebalance finds
 * them and does nothing.
 */
@ApplicationScoped
public class EventProjector {

    private static final Logger LOG = Logger.getLogger(EventProjector.class);

    /** What applying an event did. */
    public enum Outcome {
        APPLIED, DELETED, STALE, DUPLICATE;

        public boolean changed() {
            return this == APPLIED || this == DELETED;
        }

        String column() {
            return name().toLowerCase();
        }
    }

    private final ReadModelWriter writer;
    private final MeterRegistry meters;
    private final ReadModelGeneration generation;

    EventProjector(ReadModelWriter writer, MeterRegistry meters, ReadModelGeneration generation) {
        this.writer = writer;
        this.meters = meters;
        this.generation = generation;
    }

    /** The outcome of each event, in the order given. */
    @Transactional
    public List<Outcome> apply(List<IncomingEvent> events) {
        List<Outcome> outcomes = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return outcomes;
        }
        Set<String> seen = new HashSet<>(writer.processed(events.stream().map(IncomingEvent::eventId).toList()));
        Map<String, IncomingEvent> keys = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            keys.putIfAbsent(ReadModelWriter.key(event.topic().topicName(), event.aggregateId()), event);
        }
        Map<String, Long> held = writer.versions(keys.values().stream().map(e -> e.topic().topicName()).toList(),
                keys.values().stream().map(IncomingEvent::aggregateId).toList());

        Map<String, AggregateRow> winners = new LinkedHashMap<>();
        List<IncomingEvent> handled = new ArrayList<>();
        List<String> handledOutcomes = new ArrayList<>();
        List<IncomingEvent> changed = new ArrayList<>();
        List<String> changedOutcomes = new ArrayList<>();
        Map<String, SourceCount> sources = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (!seen.add(event.eventId())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            String key = ReadModelWriter.key(event.topic().topicName(), event.aggregateId());
            Long version = held.get(key);
            Outcome outcome;
            if (version != null && version >= event.version()) {
                outcome = Outcome.STALE;
                LOG.debugf("skipped %s v%d of %s/%s: the read model holds a newer version", event.eventId(),
                        event.version(), event.topic().topicName(), event.aggregateId());
            } else {
                outcome = event.isDeletion() ? Outcome.DELETED : Outcome.APPLIED;
                held.put(key, event.version());
                winners.put(key, new AggregateRow(event, event.isDeletion()));
                changed.add(event);
                changedOutcomes.add(outcome.column());
                sources.merge(event.topic().source(), new SourceCount(event.topic().source(), 1, event.time()),
                        (a, b) -> new SourceCount(a.source(), a.events() + 1,
                                a.lastEventAt().isAfter(b.lastEventAt()) ? a.lastEventAt() : b.lastEventAt()));
            }
            outcomes.add(outcome);
            handled.add(event);
            handledOutcomes.add(outcome.column());
        }

        if (!handled.isEmpty()) {
            handled.stream().map(e -> e.topic().source()).distinct().forEach(generation::writing);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            writer.store(List.copyOf(winners.values()), now);
            writer.touchSources(List.copyOf(sources.values()));
            writer.log(changed, changedOutcomes);
            writer.recordProcessed(handled, handledOutcomes, now);
        }
        count(events, outcomes);
        return outcomes;
    }

    private void count(List<IncomingEvent> events, List<Outcome> outcomes) {
        Map<String, Map<Outcome, Integer>> counts = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            counts.computeIfAbsent(events.get(i).topic().topicName(), t -> new HashMap<>())
                    .merge(outcomes.get(i), 1, Integer::sum);
        }
        counts.forEach((topic, byOutcome) -> byOutcome.forEach((outcome, n) -> meters
                .counter("gateway.events", "topic", topic, "outcome", outcome.column()).increment(n)));
    }
}
