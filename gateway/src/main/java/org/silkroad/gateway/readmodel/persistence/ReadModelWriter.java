package org.silkroad.gateway.readmodel.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.silkroad.gateway.readmodel.IncomingEvent;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The read model's writes, one multi-row statement per table for a whole batch of events: the rows travel as
 * arrays and are unnested by PostgreSQL, so a batch of thousands costs a handful of round trips instead of four per
 * event (ADR 0014). The aggregate upsert still compares versions inside PostgreSQL, so a redelivered older event can
 * never overwrite newer state, whatever the caller computed. Plain JDBC on the transaction's own connection: Hibernate
 * cannot bind arrays to native queries portably, and nothing here is an entity.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelWriter {

    /** One aggregate's new state: the last event of a batch that wins for its key. */
    public record AggregateRow(IncomingEvent event, boolean deletion) {
    }

    /** Events applied for one owning service in a batch, and the newest event time among them. */
    public record SourceCount(String source, long events, OffsetDateTime lastEventAt) {
    }

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    ReadModelWriter(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** The {@code ce_id}s among these that were handled before (applied or skipped as stale). */
    public Set<String> processed(Collection<String> eventIds) {
        return query("SELECT event_id FROM processed_event WHERE event_id = ANY(?)",
                (c, s) -> s.setArray(1, c.createArrayOf("text", eventIds.toArray())),
                rs -> {
                    Set<String> ids = new HashSet<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return ids;
                });
    }

    /** The version held for each of these aggregates, keyed by {@code topic + '\n' + aggregate id}; absent ones are missing. */
    public Map<String, Long> versions(List<String> topics, List<String> aggregateIds) {
        return query("""
                        SELECT a.topic, a.aggregate_id, a.version
                          FROM aggregate_state a
                          JOIN unnest(?::text[], ?::text[]) AS k(topic, aggregate_id)
                            ON a.topic = k.topic AND a.aggregate_id = k.aggregate_id
                        """,
                (c, s) -> {
                    s.setArray(1, c.createArrayOf("text", topics.toArray()));
                    s.setArray(2, c.createArrayOf("text", aggregateIds.toArray()));
                },
                rs -> {
                    Map<String, Long> versions = new HashMap<>();
                    while (rs.next()) {
                        versions.put(key(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    }
                    return versions;
                });
    }

    public static String key(String topic, String aggregateId) {
        return topic + '\n' + aggregateId;
    }

    /**
     * Stores each aggregate's new state (one row per key), or marks it deleted keeping its version so an older upsert
     * arriving late cannot revive it; a row whose held version is this one or newer is left alone.
     */
    public void store(List<AggregateRow> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return;
        }
        update("""
                        INSERT INTO aggregate_state (topic, aggregate_id, source, version, event_type, payload, deleted, event_time, applied_at)
                        SELECT t, a, s, v, ty, CAST(p AS jsonb), d, CAST(tm AS timestamptz), ?
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[])
                               AS x(t, a, s, v, ty, p, d, tm)
                        ON CONFLICT (topic, aggregate_id) DO UPDATE
                           SET source = EXCLUDED.source, version = EXCLUDED.version, event_type = EXCLUDED.event_type,
                               payload = EXCLUDED.payload, deleted = EXCLUDED.deleted, event_time = EXCLUDED.event_time,
                               applied_at = EXCLUDED.applied_at
                         WHERE aggregate_state.version < EXCLUDED.version
                        """, (c, s) -> {
                    s.setTimestamp(1, Timestamp.from(now.toInstant()));
                    s.setArray(2, texts(c, rows, r -> r.event().topic().topicName()));
                    s.setArray(3, texts(c, rows, r -> r.event().aggregateId()));
                    s.setArray(4, texts(c, rows, r -> r.event().topic().source()));
                    s.setArray(5, c.createArrayOf("int8", rows.stream().map(r -> r.event().version()).toArray()));
                    s.setArray(6, texts(c, rows, r -> r.deletion() ? null : r.event().type()));
                    s.setArray(7, texts(c, rows, r -> r.deletion() ? null : r.event().payload()));
                    s.setArray(8, c.createArrayOf("bool", rows.stream().map(AggregateRow::deletion).toArray()));
                    s.setArray(9, texts(c, rows, r -> time(r.event().time())));
                });
    }

    /** Counts the events applied per owning service and moves its "last event" time forward, never back. */
    public void touchSources(List<SourceCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        update("""
                        INSERT INTO source_activity (source, last_event_at, events_applied)
                        SELECT s, CAST(t AS timestamptz), n FROM unnest(?::text[], ?::text[], ?::bigint[]) AS x(s, t, n)
                        ON CONFLICT (source) DO UPDATE
                           SET last_event_at = GREATEST(source_activity.last_event_at, EXCLUDED.last_event_at),
                               events_applied = source_activity.events_applied + EXCLUDED.events_applied
                        """, (c, s) -> {
                    s.setArray(1, texts(c, counts, SourceCount::source));
                    s.setArray(2, texts(c, counts, n -> time(n.lastEventAt())));
                    s.setArray(3, c.createArrayOf("int8", counts.stream().map(SourceCount::events).toArray()));
                });
    }

    /** Records the applied changes for the event feed; each outcome is {@code applied} or {@code deleted}. */
    public void log(List<IncomingEvent> events, List<String> outcomes) {
        if (events.isEmpty()) {
            return;
        }
        update("""
                        INSERT INTO event_log (event_id, topic, aggregate_id, source, event_type, version, outcome, label, event_time)
                        SELECT i, t, a, s, ty, v, o, l, CAST(tm AS timestamptz)
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                               AS x(i, t, a, s, ty, v, o, l, tm)
                        ON CONFLICT (event_id) DO NOTHING
                        """, (c, s) -> {
                    s.setArray(1, texts(c, events, IncomingEvent::eventId));
                    s.setArray(2, texts(c, events, e -> e.topic().topicName()));
                    s.setArray(3, texts(c, events, IncomingEvent::aggregateId));
                    s.setArray(4, texts(c, events, e -> e.topic().source()));
                    s.setArray(5, texts(c, events, IncomingEvent::type));
                    s.setArray(6, c.createArrayOf("int8", events.stream().map(IncomingEvent::version).toArray()));
                    s.setArray(7, c.createArrayOf("text", outcomes.toArray()));
                    s.setArray(8, texts(c, events, IncomingEvent::label));
                    s.setArray(9, texts(c, events, e -> time(e.time())));
                });
    }

    /**
     * Records that the events were handled, in the same transaction as their effect; a {@code ce_id} recorded
     * meanwhile by another transaction fails the batch, which is then retried and finds it.
     */
    public void recordProcessed(List<IncomingEvent> events, List<String> outcomes, OffsetDateTime now) {
        if (events.isEmpty()) {
            return;
        }
        update("""
                        INSERT INTO processed_event (event_id, topic, kafka_partition, kafka_offset, outcome, processed_at)
                        SELECT i, t, p, o, r, ? FROM unnest(?::text[], ?::text[], ?::int[], ?::bigint[], ?::text[]) AS x(i, t, p, o, r)
                        """, (c, s) -> {
                    s.setTimestamp(1, Timestamp.from(now.toInstant()));
                    s.setArray(2, texts(c, events, IncomingEvent::eventId));
                    s.setArray(3, texts(c, events, e -> e.topic().topicName()));
                    s.setArray(4, c.createArrayOf("int4", events.stream().map(IncomingEvent::partition).toArray()));
                    s.setArray(5, c.createArrayOf("int8", events.stream().map(IncomingEvent::offset).toArray()));
                    s.setArray(6, c.createArrayOf("text", outcomes.toArray()));
                });
    }

    /** Empties everything derived from the topics; the dead-letter record stays, as the refusals stay on the DLQs. */
    public void truncate() {
        em.createNativeQuery("TRUNCATE aggregate_state, processed_event, source_activity, event_log").executeUpdate();
    }

    private static String time(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static <T> Array texts(Connection c, List<T> rows, Function<T, String> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return c.createArrayOf("text", values);
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private interface Reader<R> {
        R read(ResultSet rows) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        // The transaction's connection (enlisted by Agroal); closing the handle does not end the transaction.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(c, s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("read-model write failed: " + e.getMessage(), e);
        }
    }

    private <R> R query(String sql, Binder binder, Reader<R> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(c, s);
            try (ResultSet rs = s.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read-model query failed: " + e.getMessage(), e);
        }
    }
}
