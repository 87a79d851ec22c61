package org.silkroad.corridor.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.silkroad.corridor.measurement.api.MeasurementView;
import org.silkroad.corridor.measurement.events.MeasurementEvents;
import org.silkroad.corridor.status.StatusThresholds;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes measurements with an upsert on their natural key (asset, metric, label, period, direction, mode, source):
 * a new statement is inserted (version 1), a changed value updates it (version + 1), an unchanged one touches
 * nothing and publishes nothing — so importing the same file twice is a no-op. Up to {@value #ROWS_PER_STATEMENT}
 * rows go in one statement, their events in one outbox batch, and the thresholds of the series they touched are
 * then judged once against each series' latest period, all in the caller's transaction. Within one batch the last of several
 * rows with the same key wins.
 */
@ApplicationScoped
public class MeasurementStore {

    static final int ROWS_PER_STATEMENT = 1000;
    private static final int COLUMNS = 15;

    private static final String UPSERT_HEAD = """
            INSERT INTO measurement (id, asset_id, metric, label, period, period_type, period_start, period_end,
                                     direction, mode, value, unit, qualifier, source, note, version, recorded_at)
            VALUES
            """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)";
    private static final String UPSERT_TAIL = """
             ON CONFLICT ON CONSTRAINT measurement_statement DO UPDATE
               SET value = EXCLUDED.value, unit = EXCLUDED.unit, qualifier = EXCLUDED.qualifier, note = EXCLUDED.note,
                   version = measurement.version + 1, recorded_at = EXCLUDED.recorded_at
             WHERE (measurement.value, measurement.unit, measurement.qualifier, measurement.note)
                   IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.unit, EXCLUDED.qualifier, EXCLUDED.note)
            RETURNING id, version, asset_id, metric, label, period, direction, mode, source
            """;

    private final EntityManager em;
    private final MeasurementEvents outbox;
    private final StatusThresholds thresholds;

    MeasurementStore(EntityManager em, MeasurementEvents outbox, StatusThresholds thresholds) {
        this.em = em;
        this.outbox = outbox;
        this.thresholds = thresholds;
    }

    /** Stores the measurements; returns the views of those that changed (new or corrected), in input order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MeasurementView> store(List<ValidMeasurement> measurements) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Written> written = new ArrayList<>();
        // The upsert goes past Hibernate: assets registered earlier in this transaction must be in the table first.
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < measurements.size(); from += ROWS_PER_STATEMENT) {
                written.addAll(upsert(connection, measurements.subList(from, Math.min(measurements.size(), from + ROWS_PER_STATEMENT)), from, now));
            }
            written.sort(Comparator.comparingInt(Written::index));
            keepLatest(connection, written);
            outbox.recorded(connection, written.stream().map(Written::view).toList());
        });
        StatusThresholds.Watch watch = thresholds.watch();
        written.forEach(w -> watch.observe(w.input()));
        watch.judge();
        return written.stream().map(Written::view).toList();
    }

    private static final String KEEP_LATEST = """
            INSERT INTO measurement_latest AS l (asset_id, metric, unit, measurement_id, period_start)
            SELECT DISTINCT ON (asset_id, metric, unit) asset_id, metric, unit, id, period_start
              FROM measurement WHERE id = ANY (?)
             ORDER BY asset_id, metric, unit, period_start DESC NULLS LAST
            ON CONFLICT (asset_id, metric, unit) DO UPDATE
               SET measurement_id = EXCLUDED.measurement_id, period_start = EXCLUDED.period_start, revision = l.revision + 1
             WHERE (EXCLUDED.period_start IS NOT NULL AND (l.period_start IS NULL OR EXCLUDED.period_start >= l.period_start))
                OR (EXCLUDED.period_start IS NULL AND l.period_start IS NULL)
            """;

    private static void keepLatest(Connection connection, List<Written> written) throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(KEEP_LATEST)) {
            st.setArray(1, connection.createArrayOf("uuid", written.stream().map(w -> w.view().id()).toArray()));
            st.executeUpdate();
        }
    }

    private record Written(int index, ValidMeasurement input, MeasurementView view) {
    }

    private static String key(String assetId, String metric, String label, String period, String direction, String mode, String source) {
        return String.join("\u0000", assetId, metric, label, period, direction, mode, source);
    }

    private static String key(ValidMeasurement m) {
        return key(m.assetId(), m.metric().code(), m.label(), m.period() == null ? "" : m.period().value(), m.direction(), m.mode(), m.source());
    }

    private static List<Written> upsert(Connection connection, List<ValidMeasurement> batch, int offset,
                                        OffsetDateTime now) throws SQLException {
        // One statement may not touch a row twice: of rows with the same key, the last one counts.
        Map<String, Integer> lastByKey = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            lastByKey.put(key(batch.get(i)), i);
        }
        List<Integer> rows = new ArrayList<>(lastByKey.values());
        StringBuilder sql = new StringBuilder(UPSERT_HEAD);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",\n").append(ROW);
        }
        sql.append(UPSERT_TAIL);
        Map<String, Integer> indexByKey = new HashMap<>();
        Timestamp recordedAt = Timestamp.from(now.toInstant());
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            int p = 0;
            for (int index : rows) {
                ValidMeasurement m = batch.get(index);
                indexByKey.put(key(m), index);
                st.setObject(++p, UUID.randomUUID());
                st.setString(++p, m.assetId());
                st.setString(++p, m.metric().code());
                st.setString(++p, m.label());
                st.setString(++p, m.period() == null ? "" : m.period().value());
                if (m.period() == null) {
                    st.setNull(++p, Types.VARCHAR);
                    st.setNull(++p, Types.DATE);
                    st.setNull(++p, Types.DATE);
                } else {
                    st.setString(++p, m.period().type());
                    st.setDate(++p, Date.valueOf(m.period().start()));
                    st.setDate(++p, Date.valueOf(m.period().end()));
                }
                st.setString(++p, m.direction());
                st.setString(++p, m.mode());
                st.setBigDecimal(++p, m.value());
                st.setString(++p, m.unitCode());
                st.setString(++p, m.qualifier().code());
                st.setString(++p, m.source());
                st.setString(++p, m.note());
                st.setTimestamp(++p, recordedAt);
            }
            assert p == rows.size() * (COLUMNS + 1);
            List<Written> written = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int index = indexByKey.get(key(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)));
                    ValidMeasurement m = batch.get(index);
                    written.add(new Written(offset + index, m, new MeasurementView(rs.getObject(1, UUID.class), m.assetId(), m.metric().code(),
                            m.label().isEmpty() ? null : m.label(), m.period(), emptyToNull(m.direction()),
                            emptyToNull(m.mode()), m.value(), m.unitCode(), m.qualifier().code(),
                            emptyToNull(m.source()), m.note(), rs.getLong(2), now)));
                }
            }
            return written;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
