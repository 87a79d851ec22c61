package org.silkroad.trade.observation.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.trade.observation.ObservationQuery;
import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.domain.ObservationRow;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * SQL for observations and their revisions. Plain JDBC rather than entities: imports write them set-wise (COPY and
 * INSERT … SELECT), and every read goes through one query over the revisions so that "current" and "as of a date"
 * are the same code.
 */
@ApplicationScoped
public class ObservationStore {

    static final String VISIBLE = """
            SELECT o.id, o.reporter, o.reporter_m49, o.partner, o.partner_m49, o.partner2, o.flow, o.period, o.year, o.month,
                   o.commodity, o.commodity_level, o.classification, o.commodity_label, o.customs_code, o.transport_mode, o.is_total,
                   r.value_usd, r.cif_usd, r.fob_usd, r.quantity, r.quantity_unit, r.quantity_estimated,
                   r.net_weight_kg, r.net_weight_estimated, r.original_value, r.original_unit,
                   o.source_document, o.source_statement, o.source_agency, r.release_id, r.note, r.version, r.known_from,
                   o.created_at, r.recorded_at
              FROM trade_observation o JOIN trade_observation_revision r ON r.observation_id = o.id
            """;
    static final String ORDER = " ORDER BY o.year, o.period, o.reporter, o.partner, o.flow, o.commodity, o.source_document, o.source_statement, o.id";
    /**
     * A page walks the series index (reporter, partner, flow, commodity, year) and sorts only within it, so the first
     * page of a million observations costs its own rows (15 ms in EXPLAIN ANALYZE) instead of a sort of every match
     * (2.8 s). ImportBenchmark prints what the pages cost end to end once a million rows are in.
     */
    static final String PAGE_ORDER = " ORDER BY o.reporter, o.partner, o.flow, o.commodity, o.year, o.period, o.source_document, o.source_statement, o.id";

    private final AgroalDataSource dataSource;

    ObservationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Records a new observation with its first revision; call inside the writing transaction. */
    public void insert(UUID id, ObservationRow row, LocalDate knownFrom) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO trade_observation (id, series_key, reporter, reporter_m49, partner, partner_m49, partner2, flow,
                        period, year, month, commodity, commodity_level, classification, commodity_label, customs_code,
                        transport_mode, is_total, source_document, source_statement, source_agency, created_at,
                        release_id, version, deleted, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), NULL, 1, FALSE, now())""")) {
                int i = 0;
                ps.setObject(++i, id);
                ps.setString(++i, row.seriesKey());
                ps.setString(++i, row.reporter());
                ps.setObject(++i, row.reporterM49());
                ps.setString(++i, row.partner());
                ps.setObject(++i, row.partnerM49());
                ps.setString(++i, row.partner2());
                ps.setString(++i, row.flow().code());
                ps.setString(++i, row.period());
                ps.setInt(++i, row.year());
                ps.setObject(++i, row.month());
                ps.setString(++i, row.commodity());
                ps.setInt(++i, row.commodityLevel());
                ps.setString(++i, row.classification());
                ps.setString(++i, row.commodityLabel());
                ps.setString(++i, row.customsCode());
                ps.setString(++i, row.transportMode());
                ps.setBoolean(++i, row.total());
                ps.setString(++i, row.sourceDocument());
                ps.setString(++i, row.sourceStatement());
                ps.setString(++i, row.sourceAgency());
                ps.executeUpdate();
            }
            // The values live only in the revision (V5): the observation row is the identity and the version.
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO trade_observation_revision (observation_id, version, value_usd, cif_usd, fob_usd, quantity,
                        quantity_unit, quantity_estimated, net_weight_kg, net_weight_estimated, original_value, original_unit,
                        note, release_id, deleted, known_from, known_until, recorded_at)
                    SELECT id, version, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, release_id, FALSE, ?, NULL, updated_at
                      FROM trade_observation WHERE id = ?""")) {
                int i = 0;
                ps.setBigDecimal(++i, row.valueUsd());
                ps.setBigDecimal(++i, row.cifUsd());
                ps.setBigDecimal(++i, row.fobUsd());
                ps.setBigDecimal(++i, row.quantity());
                ps.setString(++i, row.quantityUnit());
                ps.setObject(++i, row.quantityEstimated());
                ps.setBigDecimal(++i, row.netWeightKg());
                ps.setObject(++i, row.netWeightEstimated());
                ps.setBigDecimal(++i, row.originalValue());
                ps.setString(++i, row.originalUnit());
                ps.setString(++i, row.note());
                ps.setDate(++i, Date.valueOf(knownFrom));
                ps.setObject(++i, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record observation " + id, e);
        }
    }

    /**
     * Deletes an observation as of {@code knownFrom}: its history stays (an earlier {@code asOf} still sees it), a
     * last revision marks it deleted. Returns the new version, or empty when there is no such live observation.
     */
    public Optional<Long> markDeleted(UUID id, LocalDate knownFrom) {
        try (Connection c = dataSource.getConnection()) {
            long version;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trade_observation SET deleted = TRUE, version = version + 1, updated_at = now() WHERE id = ? AND NOT deleted RETURNING version")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    version = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO trade_observation_revision (observation_id, version, value_usd, cif_usd, fob_usd, quantity,
                        quantity_unit, quantity_estimated, net_weight_kg, net_weight_estimated, original_value, original_unit,
                        note, release_id, deleted, known_from, known_until, recorded_at)
                    SELECT r.observation_id, ?, r.value_usd, r.cif_usd, r.fob_usd, r.quantity, r.quantity_unit, r.quantity_estimated,
                           r.net_weight_kg, r.net_weight_estimated, r.original_value, r.original_unit, r.note, r.release_id, TRUE,
                           GREATEST(?, r.known_from), NULL, now()
                      FROM trade_observation_revision r WHERE r.observation_id = ? AND r.known_until IS NULL""")) {
                ps.setLong(1, version);
                ps.setDate(2, Date.valueOf(knownFrom));
                ps.setObject(3, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE trade_observation_revision p SET known_until = n.known_from
                      FROM trade_observation_revision n
                     WHERE p.observation_id = ? AND n.observation_id = p.observation_id AND n.version = ?
                       AND p.version < n.version AND p.known_until IS NULL""")) {
                ps.setObject(1, id);
                ps.setLong(2, version);
                ps.executeUpdate();
            }
            return Optional.of(version);
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete observation " + id, e);
        }
    }

    public Optional<TradeObservationView> find(UUID id, LocalDate asOf) {
        List<TradeObservationView> found = new ArrayList<>();
        Sql sql = where(ObservationQuery.all(), asOf, true);
        sql.and("o.id = ?", id);
        query(VISIBLE + sql.where(), sql.params, found::add);
        return found.stream().findFirst();
    }

    /** The last state of an observation, deleted or not: what a deletion event carries. */
    public Optional<TradeObservationView> findLatest(UUID id) {
        List<TradeObservationView> found = new ArrayList<>();
        query(VISIBLE + " WHERE o.id = ? ORDER BY r.version DESC LIMIT 1", List.of(id), found::add);
        return found.stream().findFirst();
    }

    /** Every version of an observation, oldest first, deleted ones included. */
    public List<TradeObservationView> revisions(UUID id) {
        List<TradeObservationView> found = new ArrayList<>();
        query(VISIBLE + " WHERE o.id = ? ORDER BY r.version", List.of(id), found::add);
        return found;
    }

    /**
     * The number of matches. Today's matches are counted on the observation rows alone: an observation row's
     * {@code deleted} is its open revision's (every write sets both), so the join with a million revisions (1.8 s at a
     * million rows) is needed only for a past date or a release, which live on the revisions.
     */
    public long count(ObservationQuery q) {
        boolean today = q.asOf() == null && q.release() == null;
        Sql sql = today ? identityWhere(q) : where(q, q.asOf(), false);
        String from = today ? "trade_observation o" : "trade_observation o JOIN trade_observation_revision r ON r.observation_id = o.id";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = prepare(c, "SELECT count(*) FROM " + from + sql.where(), sql.params);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("observation count failed", e);
        }
    }

    public List<TradeObservationView> page(ObservationQuery q, int page, int size) {
        Sql sql = where(q, q.asOf(), false);
        List<Object> params = new ArrayList<>(sql.params);
        params.add(size);
        params.add((long) page * size);
        List<TradeObservationView> found = new ArrayList<>();
        query(VISIBLE + sql.where() + PAGE_ORDER + " LIMIT ? OFFSET ?", params, found::add);
        return found;
    }

    /**
     * The visible observations a query selects (current, or as of its date), as SQL the analyses aggregate over
     * instead of loading rows: a subquery with one row per observation and the columns {@code id, reporter, partner,
     * flow, period, year, month, commodity, commodity_level, commodity_label, value_usd, statement} (document and
     * statement as one text, as the API shows a source), {@code source_document, source_statement, recorded_at}.
     */
    public record Selection(String sql, List<Object> params) {
    }

    public Selection selection(ObservationQuery q) {
        Sql sql = where(q, q.asOf(), false);
        return new Selection("""
                SELECT o.id, o.reporter, o.partner, o.flow, o.period, o.year, o.month, o.commodity, o.commodity_level,
                       o.commodity_label, r.value_usd, o.source_document || COALESCE(', ' || o.source_statement, '') AS statement,
                       o.source_document, o.source_statement, r.recorded_at, o.classification
                  FROM trade_observation o JOIN trade_observation_revision r ON r.observation_id = o.id""" + sql.where(),
                List.copyOf(sql.params));
    }

    /** Reads one row of an aggregate. */
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Streams the rows of a query over {@link #selection}s to {@code each} through a server-side cursor (outside a
     * transaction the driver would otherwise load the whole result first): constant memory for exports of any size.
     */
    public void stream(String sql, List<Object> params, RowReader<Void> each) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = prepare(c, sql, params)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.read(rs);
                    }
                }
            } finally {
                if (autoCommit) {
                    c.rollback(); // read only: nothing to keep
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("observation stream failed", e);
        }
    }

    /** Runs an aggregate over {@link #selection}s; {@code params} in the order of the placeholders. */
    public <T> List<T> aggregate(String sql, List<Object> params, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            ps.setFetchSize(1000);
            List<T> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(reader.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("aggregate query failed", e);
        }
    }

    /** Streams every matching observation, in series order; the analyses read through here. */
    public void forEach(ObservationQuery q, Consumer<TradeObservationView> each) {
        Sql sql = where(q, q.asOf(), false);
        query(VISIBLE + sql.where() + ORDER, sql.params, each);
    }

    /** A revision a release made, with its place in the release's insertion order (the publisher's cursor). */
    public record ReleaseRevision(long seq, TradeObservationView observation) {
    }

    /**
     * The next revisions a release made (its inserts and revisions, each in the state of that revision) in insertion
     * order after {@code afterSeq}, leaving out those a single write already published (taken over). Insertion order,
     * not id order: the observations and their revisions were inserted in the same order, so this walks both tables
     * nearly sequentially. Streamed through a cursor inside the caller's transaction.
     */
    public void revisionsOf(Connection c, UUID release, Long afterSeq, int limit, Consumer<ReleaseRevision> each) throws SQLException {
        String sql = VISIBLE.replaceFirst("SELECT ", "SELECT r.seq AS revision_seq, ") + " WHERE r.release_id = ? AND NOT r.deleted"
                + (afterSeq == null ? "" : " AND r.seq > ?")
                + " AND NOT EXISTS (SELECT 1 FROM release_publication_taken_over t WHERE t.release_id = r.release_id"
                + " AND t.observation_id = r.observation_id) ORDER BY r.seq LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            ps.setObject(++i, release);
            if (afterSeq != null) {
                ps.setLong(++i, afterSeq);
            }
            ps.setInt(++i, limit);
            // Streamed (a cursor inside the transaction): Kafka sends the first rows while the later ones are read.
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(new ReleaseRevision(rs.getLong("revision_seq"), map(rs)));
                }
            }
        }
    }

    /** One version of an observation as it was then. */
    public Optional<TradeObservationView> revision(UUID id, long version) {
        List<TradeObservationView> found = new ArrayList<>();
        query(VISIBLE + " WHERE o.id = ? AND r.version = ?", List.of(id, version), found::add);
        return found.stream().findFirst();
    }

    private void query(String sql, List<Object> params, Consumer<TradeObservationView> each) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(map(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("observation query failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            ps.setObject(i + 1, p instanceof LocalDate d ? Date.valueOf(d) : p);
        }
        return ps;
    }

    private static Sql where(ObservationQuery q, LocalDate asOf, boolean includeBreakdowns) {
        Sql sql = new Sql();
        sql.and("NOT r.deleted");
        if (asOf == null) {
            sql.and("r.known_until IS NULL");
        } else {
            sql.and("r.known_from <= ?", asOf);
            sql.and("(r.known_until IS NULL OR r.known_until > ?)", asOf);
        }
        return identity(sql, q, includeBreakdowns);
    }

    /** Today's live observations by the filters on their identity (no revision involved). */
    private static Sql identityWhere(ObservationQuery q) {
        Sql sql = new Sql();
        sql.and("NOT o.deleted");
        return identity(sql, q, false);
    }

    private static Sql identity(Sql sql, ObservationQuery q, boolean includeBreakdowns) {
        if (!includeBreakdowns && !q.breakdowns()) {
            sql.and("o.is_total");
        }
        if (q.reporter() != null) sql.and("o.reporter = ?", q.reporter());
        if (q.partner() != null) sql.and("o.partner = ?", q.partner());
        if (q.flow() != null) sql.and("o.flow = ?", q.flow().code());
        if (q.commodity() != null) sql.and("o.commodity = ?", q.commodity());
        if (q.level() != null) sql.and("o.commodity_level = ?", q.level());
        if (q.period() != null) sql.and("o.period = ?", q.period());
        if (q.fromYear() != null) sql.and("o.year >= ?", q.fromYear());
        if (q.toYear() != null) sql.and("o.year <= ?", q.toYear());
        if (q.release() != null) sql.and("r.release_id = ?", q.release());
        if (q.source() != null) {
            sql.and(SourceMatch.condition("o"), SourceMatch.params(q.source()).toArray());
        }
        return sql;
    }

    private static TradeObservationView map(ResultSet rs) throws SQLException {
        BigDecimal quantity = rs.getBigDecimal("quantity");
        BigDecimal netWeight = rs.getBigDecimal("net_weight_kg");
        BigDecimal original = rs.getBigDecimal("original_value");
        return new TradeObservationView(
                rs.getObject("id", UUID.class),
                rs.getString("reporter"), (Integer) rs.getObject("reporter_m49"),
                rs.getString("partner"), (Integer) rs.getObject("partner_m49"), rs.getString("partner2"),
                rs.getString("flow"), rs.getString("period"), rs.getInt("year"), (Integer) rs.getObject("month"),
                rs.getString("commodity"), rs.getInt("commodity_level"), rs.getString("classification"),
                rs.getString("commodity_label"), rs.getString("customs_code"), rs.getString("transport_mode"),
                rs.getBoolean("is_total"),
                rs.getBigDecimal("value_usd"), rs.getBigDecimal("cif_usd"), rs.getBigDecimal("fob_usd"),
                quantity == null ? null : new TradeObservationView.Measure(quantity.stripTrailingZeros(), rs.getString("quantity_unit"), (Boolean) rs.getObject("quantity_estimated")),
                netWeight == null ? null : new TradeObservationView.Measure(netWeight.stripTrailingZeros(), "kg", (Boolean) rs.getObject("net_weight_estimated")),
                original == null ? null : new TradeObservationView.Original(original, rs.getString("original_unit")),
                new TradeObservationView.Source(rs.getString("source_document"), rs.getString("source_statement"),
                        rs.getString("source_agency"), rs.getObject("release_id", UUID.class)),
                rs.getString("note"), rs.getLong("version"), rs.getDate("known_from").toLocalDate(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("recorded_at", OffsetDateTime.class));
    }

    private static final class Sql {
        final List<String> conditions = new ArrayList<>();
        final List<Object> params = new ArrayList<>();

        void and(String condition, Object... values) {
            conditions.add(condition);
            params.addAll(List.of(values));
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }
}
