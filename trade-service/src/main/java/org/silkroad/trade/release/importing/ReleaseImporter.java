package org.silkroad.trade.release.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.silkroad.trade.observation.domain.PrintedIndicator;
import org.silkroad.trade.reference.domain.ReferenceCodes;
import org.silkroad.trade.release.domain.ImportRequest;
import org.silkroad.trade.release.domain.ReleaseCounts;
import org.silkroad.trade.release.domain.ReleaseView;
import org.silkroad.trade.release.events.ReleaseEvents;
import org.silkroad.trade.release.events.ReleasePublications;
import org.silkroad.trade.release.format.ComtradeCsvReader;
import org.silkroad.trade.release.format.ComtradeJsonReader;
import org.silkroad.trade.release.format.DatasetReader;
import org.silkroad.trade.release.format.FileRejected;
import org.silkroad.trade.release.persistence.ReleaseStore;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports one file as one release, all or nothing. The user's upload and the shipped dataset both come here.
 * <ol>
 * <li>Same content as a completed release: nothing happens, nothing is published; the answer is that release.</li>
 * <li>The release is recorded as running and {@code release.started} published (its own small transaction); the
 * import runs in the caller's thread or on {@link ImportWorker}.</li>
 * <li>In one transaction: rows are read as a stream and COPYed into a temporary staging table; any problem refuses the
 * file (the transaction rolls back, the release is recorded as failed with rows and reasons). Otherwise one
 * {@code UPDATE … FROM} revises changed observations and one anti-join {@code INSERT} adds new ones (unchanged rows
 * are left alone), both writing their revisions through {@code RETURNING}; a publication of the release's revisions
 * is recorded (outbox by reference, ADR 0008) and the release is completed — so readers and Kafka see all of the
 * release or none of it.</li>
 * <li>After the commit the release publisher streams the revisions to Kafka from a persisted cursor.</li>
 * </ol>
 * Each phase's time is kept on the release ({@code phaseMs}) and progress is committed on it as the import goes.
 */
@ApplicationScoped
public class ReleaseImporter {

    private static final Logger LOG = Logger.getLogger(ReleaseImporter.class);
    /** Imports run one at a time: two releases may revise the same observation. */
    static final long IMPORT_LOCK = 0x7ade_1a9dL;
    /** Memory for the merge's sort and RETURNING tuplestore, in the import's transaction only. */
    private static final String MERGE_WORK_MEM = "256MB";

    private static final String VALUE_COLUMNS = "value_usd, cif_usd, fob_usd, quantity, quantity_unit, quantity_estimated, "
            + "net_weight_kg, net_weight_estimated, original_value, original_unit, note";

    private static final String STAGING_TABLE = """
            CREATE TEMP TABLE staged_observation (
                row_no BIGINT, id UUID, series_key TEXT, reporter TEXT, reporter_m49 INT, partner TEXT, partner_m49 INT,
                partner2 TEXT, flow TEXT, period TEXT, year INT, month INT, commodity TEXT, commodity_level INT,
                classification TEXT, commodity_label TEXT, customs_code TEXT, transport_mode TEXT, is_total BOOLEAN,
                source_document TEXT, source_statement TEXT, source_agency TEXT, value_usd NUMERIC(24, 2),
                cif_usd NUMERIC(24, 2), fob_usd NUMERIC(24, 2), quantity NUMERIC(24, 4), quantity_unit TEXT,
                quantity_estimated BOOLEAN, net_weight_kg NUMERIC(24, 4), net_weight_estimated BOOLEAN,
                original_value NUMERIC, original_unit TEXT, note TEXT
            ) ON COMMIT DROP""";

    /** What became of an upload: the earlier release with the same content, an imported one, or one still running. */
    public enum Result { SAME_CONTENT, IMPORTED, ACCEPTED }

    public record Outcome(ReleaseView release, Result result) {
        public boolean imported() {
            return result != Result.SAME_CONTENT;
        }
    }

    private final AgroalDataSource dataSource;
    private final ReleaseStore releases;
    private final ReleaseEvents releaseEvents;
    private final ReferenceCodes codes;
    private final ObjectMapper json;
    private final ReleasePublications publications;
    private final Duration timeout;
    /** From this many rows a merge may grow the tables enough to mislead readers' plans (see {@link MergeStatistics}). */
    private final long statisticsFromRows;

    ReleaseImporter(AgroalDataSource dataSource, ReleaseStore releases, ReleaseEvents releaseEvents, ReferenceCodes codes,
                    ObjectMapper json, ReleasePublications publications,
                    @ConfigProperty(name = "silkroad.trade.import.timeout", defaultValue = "PT2H") Duration timeout,
                    @ConfigProperty(name = "silkroad.trade.import.statistics-from-rows", defaultValue = "10000") long statisticsFromRows) {
        this.dataSource = dataSource;
        this.releases = releases;
        this.releaseEvents = releaseEvents;
        this.codes = codes;
        this.json = json;
        this.publications = publications;
        this.timeout = timeout;
        this.statisticsFromRows = statisticsFromRows;
    }

    /** The completed release with this content, if any: importing it again would change nothing. */
    public Optional<ReleaseView> sameContent(ImportRequest request) {
        Optional<ReleaseView> same = releases.findCompleted(request.sha256());
        same.ifPresent(r -> LOG.infof("%s has the content of release %s (sha256 %s): nothing to import", request.fileName(), r.id(), request.sha256()));
        return same;
    }

    /** Records the release as running (phase {@code waiting}) and publishes {@code release.started}, committed. */
    public ReleaseView begin(ImportRequest request) {
        codes.load();
        UUID id = UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> {
            releases.insertRunning(id, request);
            ReleaseView started = releases.find(id).orElseThrow();
            releaseEvents.publish(started);
            LOG.infof("release %s: importing %s (%s, %d bytes, source '%s', published %s)", id, request.fileName(),
                    request.format().code, request.bytes(), request.source(), request.publishedOn());
            return started;
        });
    }

    /**
     * Runs the import of a begun release: {@link Result#IMPORTED} with the completed release, or
     * {@link Result#SAME_CONTENT} with the earlier release when another instance completed the same content while this
     * one waited for the import lock (two pods loading the shipped dataset into an empty database). This release is
     * then recorded as failed with that reason, since it imported nothing. Throws {@link ImportRefused} (release
     * failed) when a row is wrong.
     */
    public Outcome run(UUID id, ImportRequest request) {
        return run(id, request, null);
    }

    /**
     * As {@link #run(UUID, ImportRequest)}, but waits at most {@code lockWait} for another import to finish (null: as
     * long as it takes); throws {@link ImportBusy} when it did not, with the release untouched and still waiting.
     */
    public Outcome run(UUID id, ImportRequest request, Duration lockWait) {
        ImportProgress progress = new ImportProgress(id, releases);
        try {
            ReleaseView done = QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds())
                    .call(() -> load(id, request, progress, lockWait));
            LOG.infof("release %s: committed in %d ms: %d rows, %d inserted, %d revised, %d unchanged, %d printed indicators; "
                            + "phases (ms) %s; %d observation events to publish",
                    id, done.durationMs(), done.rowsRead(), done.inserted(), done.revised(), done.unchanged(), done.indicators(),
                    done.phaseMs(), done.eventsTotal());
            publications.wakeUp();
            return new Outcome(done, Result.IMPORTED);
        } catch (ImportBusy busy) {
            throw busy;
        } catch (ImportedMeanwhile meanwhile) {
            ReleaseView earlier = releases.find(meanwhile.release).orElseThrow();
            fail(id, new ReleaseCounts(0, 0, 0, 0, 0, 0, 0, List.of(), List.of()), sameContentMeanwhile(earlier.id()), progress.finish());
            LOG.infof("release %s: %s", id, sameContentMeanwhile(earlier.id()));
            return new Outcome(earlier, Result.SAME_CONTENT);
        } catch (Refused refused) {
            ReleaseView failed = fail(id, refused.counts, refused.getMessage(), progress.finish());
            LOG.infof("release %s: refused: %s", id, refused.getMessage());
            throw new ImportRefused(failed);
        } catch (RuntimeException e) {
            LOG.errorf(e, "release %s: failed", id);
            fail(id, new ReleaseCounts(progress.rowsRead(), 0, 0, 0, 0, 0, 0, List.of(), List.of()), "import failed: " + e,
                    progress.finish());
            throw e;
        }
    }

    static String sameContentMeanwhile(UUID earlier) {
        return "the same content was imported meanwhile as release " + earlier + ": nothing to import";
    }

    private ReleaseView fail(UUID id, ReleaseCounts counts, String reason, Map<String, Long> phaseMs) {
        return QuarkusTransaction.requiringNew().call(() -> {
            releases.finish(id, ReleaseView.FAILED, counts, reason, phaseMs, null);
            ReleaseView failed = releases.find(id).orElseThrow();
            releaseEvents.publish(failed);
            return failed;
        });
    }

    private ReleaseView load(UUID id, ImportRequest request, ImportProgress progress, Duration lockWait) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            lock(c, lockWait);
            // Checked before begin() too, but another instance may have completed this content while we waited here.
            UUID earlier = completedWithContent(c, request.sha256());
            if (earlier != null) {
                throw new ImportedMeanwhile(earlier);
            }
            // This transaction only: the id-ordered insert sorts the staged rows and its RETURNING feeds the revision
            // insert through a tuplestore; with the default 4 MB both spill a million rows to temp files (ADR 0008).
            execute(c, "SET LOCAL work_mem = '" + MERGE_WORK_MEM + "'");
            progress.enter(ReleaseView.STAGING);
            execute(c, STAGING_TABLE);
            StagingSink sink;
            try (CopyWriter copy = new CopyWriter(c, "COPY staged_observation (" + StagingSink.COLUMNS + ") FROM STDIN (FORMAT csv)")) {
                sink = new StagingSink(copy, progress);
                try {
                    read(request, sink);
                } catch (FileRejected e) {
                    sink.problem(e.row(), "*", e.getMessage());
                }
                if (sink.rowsRejected == 0) {
                    copy.finish();
                }
            }
            progress.enter(ReleaseView.CHECKING);
            duplicateIndicators(sink);
            if (sink.rowsRejected == 0) {
                // Freshly filled in this transaction: without statistics the planner guesses badly at a million rows.
                // (After a refused file the cancelled COPY has aborted the transaction: nothing more may run in it.)
                execute(c, "ANALYZE staged_observation");
                duplicateObservations(c, sink);
            }
            if (sink.rowsRejected > 0) {
                throw new Refused(counts(sink, 0, 0, 0), sink.rowsRejected + " of " + sink.rowsRead
                        + " rows rejected; the file is imported all or nothing, so nothing was imported");
            }
            progress.enter(ReleaseView.MERGING);
            // A large merge grows the tables with rows readers cannot see: keep their statistics true (MergeStatistics).
            boolean large = sink.staged() >= statisticsFromRows;
            long[] merged;
            try (MergeStatistics ignored = large ? MergeStatistics.during("release " + id, dataSource, Duration.ofSeconds(1)) : null) {
                merged = merge(c, id, request, progress);
            }
            progress.enter(ReleaseView.COMPLETING);
            if (large) {
                long analysing = System.nanoTime();
                MergeStatistics.countTheRelease(c);
                progress.time("statistics", System.nanoTime() - analysing);
            }
            long indicators = indicators(c, id, request, sink.indicators);
            long events = merged[0] + merged[1];
            if (events > 0) {
                // By reference: the commit records that this release's revisions are to be published (ADR 0008).
                publications.record(c, id, events);
            }
            long unchanged = sink.staged() - merged[0] - merged[1];
            releases.finish(id, ReleaseView.COMPLETED, counts(sink, merged[0], merged[1], unchanged, indicators), null,
                    progress.finish(), events);
        }
        ReleaseView done = releases.find(id).orElseThrow();
        releaseEvents.publish(done);
        return done;
    }

    private void read(ImportRequest request, StagingSink sink) {
        switch (request.format()) {
            case DATASET_ANNUAL, DATASET_COMMODITY, DATASET_CENTRAL_ASIA -> new DatasetReader(codes).read(request.file(), request.format(), sink);
            case COMTRADE_PLUS_JSON -> new ComtradeJsonReader(codes, json).read(request.file(), request.source(), sink);
            default -> new ComtradeCsvReader(codes).read(request.file(), request.format(), request.source(), sink);
        }
    }

    /** Two rows stating the same figure in one file: we cannot tell which one the file means. */
    private static void duplicateObservations(Connection c, StagingSink sink) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT array_agg(row_no ORDER BY row_no) FROM staged_observation
                 GROUP BY id HAVING count(*) > 1 LIMIT 100""")) {
            while (rs.next()) {
                Long[] rows = (Long[]) rs.getArray(1).getArray();
                for (int i = 1; i < rows.length; i++) {
                    sink.problem(rows[i], "*", "states the same figure as row " + rows[0]
                            + " (same reporter, partner, flow, period, commodity and source)");
                }
            }
        }
    }

    private static void duplicateIndicators(StagingSink sink) {
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < sink.indicators.size(); i++) {
            Long first = seen.putIfAbsent(sink.indicators.get(i).seriesKey(), sink.indicatorRows.get(i));
            if (first != null) {
                sink.problem(sink.indicatorRows.get(i), "*", "states the same printed figure as row " + first);
            }
        }
    }

    /**
     * Inserts new observations and revises changed ones, set-wise and keyed by id (derived from the series key);
     * returns {inserted, revised}. Values are compared with the open revision only where the observation already
     * exists (the join); new observations are one anti-join selection that feeds both the observation rows (identity)
     * and their first revisions (values) in one statement, so nothing is read back. Imports run one at a time (advisory lock) and an editor's observations have keys of their own,
     * so no other writer can insert one of these ids in between.
     */
    private static long[] merge(Connection c, UUID release, ImportRequest request, ImportProgress progress) throws SQLException {
        String identity = "id, series_key, reporter, reporter_m49, partner, partner_m49, partner2, flow, period, year, month, "
                + "commodity, commodity_level, classification, commodity_label, customs_code, transport_mode, is_total, "
                + "source_document, source_statement, source_agency";
        String revisionColumns = "observation_id, version, " + VALUE_COLUMNS + ", release_id, deleted, known_from, known_until, recorded_at";
        Date published = Date.valueOf(request.publishedOn());
        long[] counts = new long[2];
        long start = System.nanoTime();

        // Changed observations: compared with their open revision (the values live only there, V5); version n+1 on
        // the observation row and the revision with the new values (known from the release's date, never before the
        // revision it follows). The previous revision is closed below.
        String staged = "s." + VALUE_COLUMNS.replace(", ", ", s.");
        String open = "p." + VALUE_COLUMNS.replace(", ", ", p.");
        try (PreparedStatement ps = c.prepareStatement("WITH changed AS (SELECT s.id, s.commodity_label, o.version + 1 AS version, "
                + "p.known_from AS previous_from, " + staged
                + " FROM staged_observation s JOIN trade_observation o ON o.id = s.id"
                + " LEFT JOIN trade_observation_revision p ON p.observation_id = o.id AND p.known_until IS NULL"
                + " WHERE o.deleted OR p.observation_id IS NULL OR (" + open + ") IS DISTINCT FROM (" + staged + ")),"
                + " up AS (UPDATE trade_observation o SET commodity_label = changed.commodity_label, release_id = ?,"
                + " version = changed.version, deleted = FALSE, updated_at = now() FROM changed WHERE o.id = changed.id)"
                + " INSERT INTO trade_observation_revision (" + revisionColumns + ") SELECT id, version, " + VALUE_COLUMNS
                + ", ?, FALSE, GREATEST(?, COALESCE(previous_from, ?)), NULL, now() FROM changed")) {
            ps.setObject(1, release);
            ps.setObject(2, release);
            ps.setDate(3, published);
            ps.setDate(4, published);
            counts[1] = ps.executeUpdate();
        }
        if (counts[1] > 0) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE trade_observation_revision p SET known_until = n.known_from
                      FROM trade_observation_revision n
                     WHERE n.release_id = ? AND p.observation_id = n.observation_id AND p.version < n.version AND p.known_until IS NULL""")) {
                ps.setObject(1, release);
                ps.executeUpdate();
            }
        }
        long updated = System.nanoTime();
        progress.time("revise", updated - start);

        // New observations and their first revisions in one statement: the observation row takes the identity, the
        // revision the values (V5), both from the same selection of new staged rows.
        try (PreparedStatement ps = c.prepareStatement("WITH new AS (SELECT * FROM staged_observation s"
                + " WHERE NOT EXISTS (SELECT 1 FROM trade_observation o WHERE o.id = s.id)"
                // In id order: the primary keys of both tables and the open-revision index then grow at their right
                // edge instead of taking a million inserts at random places (ADR 0008, measured).
                + " ORDER BY s.id),"
                + " ins AS (INSERT INTO trade_observation (" + identity + ", created_at, release_id, version, deleted, updated_at)"
                + " SELECT " + identity + ", now(), ?, 1, FALSE, now() FROM new)"
                + " INSERT INTO trade_observation_revision (" + revisionColumns + ") SELECT id, 1, " + VALUE_COLUMNS
                + ", ?, FALSE, ?, NULL, now() FROM new")) {
            ps.setObject(1, release);
            ps.setObject(2, release);
            ps.setDate(3, published);
            counts[0] = ps.executeUpdate();
        }
        progress.time("insert", System.nanoTime() - updated);
        return counts;
    }

    /**
     * Printed figures keep their versions like observations do (V6): a figure stated differently closes the open
     * version on the release's date and opens the next; one stated alike changes nothing. All closes run before all
     * opens, so a figure's new version is written only where no version is open any more.
     */
    private static long indicators(Connection c, UUID release, ImportRequest request, List<PrintedIndicator> indicators) throws SQLException {
        if (indicators.isEmpty()) {
            return 0;
        }
        Date published = Date.valueOf(request.publishedOn());
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE printed_indicator SET known_until = ?
                 WHERE series_key = ? AND known_until IS NULL AND (value, unit, note) IS DISTINCT FROM (?, ?, ?)""")) {
            for (PrintedIndicator i : indicators) {
                ps.setDate(1, published);
                ps.setString(2, i.seriesKey());
                ps.setBigDecimal(3, i.value());
                ps.setString(4, i.unit());
                ps.setString(5, i.note());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO printed_indicator (id, series_key, reporter, partner, flow, commodity, period, year, indicator, value,
                    unit, value_usd, source_document, source_statement, source_agency, note, release_id, known_from, version)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                       COALESCE((SELECT max(version) FROM printed_indicator WHERE series_key = ?), 0) + 1
                 WHERE NOT EXISTS (SELECT 1 FROM printed_indicator WHERE series_key = ? AND known_until IS NULL)""")) {
            for (PrintedIndicator i : indicators) {
                int n = 0;
                ps.setObject(++n, i.id());
                ps.setString(++n, i.seriesKey());
                ps.setString(++n, i.reporter());
                ps.setString(++n, i.partner());
                ps.setString(++n, i.flow() == null ? null : i.flow().code());
                ps.setString(++n, i.commodity());
                ps.setString(++n, Integer.toString(i.year()));
                ps.setInt(++n, i.year());
                ps.setString(++n, i.indicator().code);
                ps.setBigDecimal(++n, i.value());
                ps.setString(++n, i.unit());
                ps.setBigDecimal(++n, i.valueUsd());
                ps.setString(++n, i.sourceDocument());
                ps.setString(++n, i.sourceStatement());
                ps.setString(++n, i.sourceAgency());
                ps.setString(++n, i.note());
                ps.setObject(++n, release);
                ps.setDate(++n, published);
                ps.setString(++n, i.seriesKey());
                ps.setString(++n, i.seriesKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return indicators.size();
    }

    private static ReleaseCounts counts(StagingSink sink, long inserted, long revised, long unchanged) {
        return counts(sink, inserted, revised, unchanged, 0);
    }

    private static ReleaseCounts counts(StagingSink sink, long inserted, long revised, long unchanged, long indicators) {
        return new ReleaseCounts(sink.rowsRead, sink.rowsRead - sink.rowsRejected, sink.rowsRejected, inserted, revised,
                unchanged, indicators, new ArrayList<>(sink.problems), new ArrayList<>(sink.warnings));
    }

    private static UUID completedWithContent(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM trade_release WHERE sha256 = ? AND status = 'completed'")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /** Imports one at a time, across instances: they may revise the same observations. */
    private static void lock(Connection c, Duration wait) throws SQLException {
        if (wait == null) {
            execute(c, "SELECT pg_advisory_xact_lock(" + IMPORT_LOCK + ")");
            return;
        }
        execute(c, "SET LOCAL lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'");
        try {
            execute(c, "SELECT pg_advisory_xact_lock(" + IMPORT_LOCK + ")");
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new ImportBusy();
            }
            throw e;
        }
        // The bound is for the wait to begin, not for the merge's own locks.
        execute(c, "SET LOCAL lock_timeout = DEFAULT");
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Thrown inside the import's transaction when a completed release already holds this content. */
    private static final class ImportedMeanwhile extends RuntimeException {
        final transient UUID release;

        ImportedMeanwhile(UUID release) {
            super("same content as release " + release, null, false, false);
            this.release = release;
        }
    }

    /** Thrown inside the import's transaction to roll it back; becomes {@link ImportRefused} outside. */
    private static final class Refused extends RuntimeException {
        final transient ReleaseCounts counts;

        Refused(ReleaseCounts counts, String message) {
            super(message);
            this.counts = counts;
        }
    }
}
