package org.silkroad.trade.release.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.trade.release.domain.ImportRequest;
import org.silkroad.trade.release.domain.ReleaseCounts;
import org.silkroad.trade.release.domain.ReleaseView;
import org.silkroad.trade.release.format.RowProblem;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for releases; call the writes inside a transaction (the service's or the import's). */
@ApplicationScoped
public class ReleaseStore {

    private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() {
    };

    private static final TypeReference<LinkedHashMap<String, Long>> PHASES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ReleaseStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void insertRunning(UUID id, ImportRequest request) {
        update("""
                INSERT INTO trade_release (id, source, format, file_name, published_on, sha256, bytes, status, version, started_at, phase)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'running', 1, now(), 'waiting')""",
                id, request.source(), request.format().code, request.fileName(), Date.valueOf(request.publishedOn()),
                request.sha256(), request.bytes());
    }

    /**
     * Ends a release. {@code eventsTotal} is what the publisher still has to take to Kafka: the phase is then
     * {@code publishing} (or {@code published} when there is nothing to publish).
     */
    public void finish(UUID id, String status, ReleaseCounts counts, String failure, Map<String, Long> phaseMs, Long eventsTotal) {
        String phase = !ReleaseView.COMPLETED.equals(status) ? null
                : eventsTotal != null && eventsTotal > 0 ? ReleaseView.PUBLISHING : ReleaseView.PUBLISHED;
        update("""
                UPDATE trade_release SET status = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?, inserted = ?,
                       revised = ?, unchanged = ?, indicators = ?, problems = ?, warnings = ?, failure = ?,
                       version = version + 1, finished_at = clock_timestamp(), phase = ?, phase_ms = ?, events_total = ?,
                       events_published_at = CASE WHEN ? THEN clock_timestamp() END
                 WHERE id = ?""",
                status, counts.rowsRead(), counts.rowsAccepted(), counts.rowsRejected(), counts.inserted(), counts.revised(),
                counts.unchanged(), counts.indicators(), toJson(counts.problems()), toJson(counts.warnings()), failure,
                phase, mapJson(phaseMs), eventsTotal, ReleaseView.PUBLISHED.equals(phase), id);
    }

    /**
     * Progress of a running import, committed on its own (call outside the import's transaction) so that every
     * instance's {@code GET} shows it while the import's own transaction is still invisible.
     */
    public void progress(UUID id, String phase, long rowsRead, long rowsRejected, Map<String, Long> phaseMs) {
        update("UPDATE trade_release SET phase = ?, rows_read = ?, rows_rejected = ?, phase_ms = ? WHERE id = ? AND status = 'running'",
                phase, rowsRead, rowsRejected, mapJson(phaseMs), id);
    }

    /** The publisher's progress on a completed release; {@code done} when Kafka has every event of it. */
    public void published(Connection c, UUID id, long published, boolean done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE trade_release SET events_published = ?,
                       phase = CASE WHEN ? THEN 'published' ELSE phase END,
                       events_published_at = CASE WHEN ? THEN clock_timestamp() END,
                       phase_ms = CASE WHEN ? THEN (COALESCE(phase_ms::jsonb, '{}'::jsonb) || jsonb_build_object('publishing',
                                       (extract(epoch FROM clock_timestamp() - finished_at) * 1000)::bigint))::text
                                       ELSE phase_ms END
                 WHERE id = ?""")) {
            ps.setLong(1, published);
            ps.setBoolean(2, done);
            ps.setBoolean(3, done);
            ps.setBoolean(4, done);
            ps.setObject(5, id);
            ps.executeUpdate();
        }
    }

    public Optional<ReleaseView> find(UUID id) {
        return query("SELECT * FROM trade_release WHERE id = ?", id).stream().findFirst();
    }

    /** Releases whose import got past waiting and never ended. */
    public List<ReleaseView> runningPastWaiting() {
        return query("SELECT * FROM trade_release WHERE status = 'running' AND phase IS DISTINCT FROM 'waiting' ORDER BY started_at");
    }

    /** A transaction-scoped advisory lock, if free; call inside a transaction. */
    public boolean tryLock(long key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock failed", e);
        }
    }

    public Optional<ReleaseView> findCompleted(String sha256) {
        return query("SELECT * FROM trade_release WHERE sha256 = ? AND status = 'completed'", sha256).stream().findFirst();
    }

    public boolean anyCompletedFrom(String source) {
        return !query("SELECT * FROM trade_release WHERE source = ? AND status = 'completed' LIMIT 1", source).isEmpty();
    }

    public long count() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM trade_release");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("release count failed", e);
        }
    }

    public List<ReleaseView> page(int page, int size) {
        return query("SELECT * FROM trade_release ORDER BY started_at DESC, id LIMIT ? OFFSET ?", size, (long) page * size);
    }

    private List<ReleaseView> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<ReleaseView> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("release query failed", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("release update failed", e);
        }
    }

    private ReleaseView map(ResultSet rs) throws SQLException {
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new ReleaseView(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("format"),
                rs.getString("file_name"), rs.getDate("published_on").toLocalDate(), rs.getString("sha256"), rs.getLong("bytes"),
                rs.getString("status"), rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_rejected"),
                rs.getLong("inserted"), rs.getLong("revised"), rs.getLong("unchanged"), rs.getLong("indicators"),
                fromJson(rs.getString("problems")), fromJson(rs.getString("warnings")), rs.getString("failure"),
                rs.getLong("version"), started, finished, finished == null ? null : ChronoUnit.MILLIS.between(started, finished),
                rs.getString("phase"), mapFromJson(rs.getString("phase_ms")), (Long) rs.getObject("events_total"),
                rs.getLong("events_published"));
    }

    private String toJson(List<RowProblem> problems) {
        try {
            return problems == null || problems.isEmpty() ? null : json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mapJson(Map<String, Long> phaseMs) {
        try {
            return phaseMs == null || phaseMs.isEmpty() ? null : json.writeValueAsString(phaseMs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> mapFromJson(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, PHASES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RowProblem> fromJson(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
