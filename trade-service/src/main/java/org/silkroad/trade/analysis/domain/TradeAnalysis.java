package org.silkroad.trade.analysis.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.silkroad.trade.observation.ObservationQuery;
import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.domain.TradeFlow;
import org.silkroad.trade.observation.persistence.ObservationStore;
import org.silkroad.platform.problem.InvalidInput;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Indicators computed from the observations a query selects (current, or as of a date). Sources are never mixed:
 * each result is per statement ("004_….txt, Table 1.1"), because two statements of one figure are two figures.
 */
@ApplicationScoped
public class TradeAnalysis {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record Value(UUID observationId, BigDecimal valueUsd, String source) {
    }

    public record SeriesPoint(int year, String period, List<Value> values) {
    }

    // Indicators keep a statement's HS vintages apart (classification, null where the source names none): values of
    // one year in H4 and in H5 are two figures, and taking either would make growth, shares and ranks up.
    public record BalanceRow(int year, String source, String classification, BigDecimal exportsUsd, BigDecimal importsUsd,
                             BigDecimal totalUsd, BigDecimal balanceUsd) {
    }

    public record GrowthRow(int year, String source, String classification, BigDecimal valueUsd, BigDecimal yoyPct) {
    }

    public record Growth(List<GrowthRow> years, List<Cagr> cagr) {
    }

    /** {@code cagrPct} null with the {@code reason} when the range gives none (a missing end, a start of 0). */
    public record Cagr(String source, String classification, int fromYear, int toYear, BigDecimal fromUsd, BigDecimal toUsd, BigDecimal cagrPct,
                       String reason) {
    }

    /** {@code sharePct} null with the {@code reason} when the statement gives no TOTAL to divide by, or a TOTAL of 0. */
    public record Share(int year, String source, String classification, String commodity, BigDecimal valueUsd, BigDecimal flowTotalUsd,
                        BigDecimal sharePct, String reason) {
    }

    public record RankedCommodity(int rank, String commodity, String label, BigDecimal valueUsd, BigDecimal sharePct) {
    }

    public record Structure(int year, String source, String classification, int level, BigDecimal totalUsd, BigDecimal hhi, List<RankedCommodity> commodities) {
    }

    public record MirrorSide(UUID observationId, String reporter, String flow, BigDecimal valueUsd, String source) {
    }

    /** The gap between one figure of each side ({@code gapPct} of the mirror figure). */
    public record MirrorPair(UUID reportedId, UUID mirrorId, BigDecimal gapUsd, BigDecimal gapPct) {
    }

    /**
     * @param reported the preferred (most recently recorded) figure of the reporter's side
     * @param mirror   the preferred figure of the partner's side
     * @param gapUsd   reported − mirror of the preferred pair; {@code gapPct} of the mirror value
     * @param reportedFigures every figure of the reporter's side (sources and statements), preferred first
     * @param mirrorFigures   every figure of the partner's side, preferred first
     * @param pairs    the gap for every pair of one figure of each side
     */
    public record MirrorRow(String period, String commodity, MirrorSide reported, MirrorSide mirror, BigDecimal gapUsd, BigDecimal gapPct,
                            List<MirrorSide> reportedFigures, List<MirrorSide> mirrorFigures, List<MirrorPair> pairs) {
    }

    public record Availability(List<Count> reporters, List<Count> partners, List<Count> flows, List<Count> years, List<Count> sources) {
    }

    public record Count(String value, long observations) {
    }

    private final ObservationStore store;
    private final PrintedStore printed;

    private final int seriesMaxValues;
    private final long checksMaxObservations;
    private final int mirrorMaxValues;

    TradeAnalysis(ObservationStore store, PrintedStore printed,
                  @ConfigProperty(name = "silkroad.trade.series.max-values", defaultValue = "10000") int seriesMaxValues,
                  @ConfigProperty(name = "silkroad.trade.checks.max-observations", defaultValue = "200000") long checksMaxObservations,
                  @ConfigProperty(name = "silkroad.trade.mirror.max-values", defaultValue = "20000") int mirrorMaxValues) {
        this.mirrorMaxValues = mirrorMaxValues;
        this.seriesMaxValues = seriesMaxValues;
        this.checksMaxObservations = checksMaxObservations;
        this.store = store;
        this.printed = printed;
    }

    private List<TradeObservationView> select(ObservationQuery q) {
        List<TradeObservationView> found = new ArrayList<>();
        store.forEach(q, found::add);
        return found;
    }

    static String source(TradeObservationView o) {
        return ConsistencyChecks.statement(o);
    }

    /** One value of a series as the CSV export writes it: which series it belongs to, and the value. */
    public record SeriesRow(String period, int year, String reporter, String partner, String flow, String commodity,
                            UUID observationId, BigDecimal valueUsd, String source) {
    }

    private static final String SERIES_ORDER =
            " ORDER BY period COLLATE \"C\", reporter, partner, flow, commodity, source_document, source_statement, id";

    /**
     * The series is its own result (one value per statement and period): SQL orders it, nothing is sorted here, and
     * at most {@code silkroad.trade.series.max-values} values are read; more answers 400 (narrow the filters or take the CSV).
     */
    public List<SeriesPoint> series(ObservationQuery q) {
        ObservationStore.Selection v = store.selection(q);
        List<Object> params = new ArrayList<>(v.params());
        params.add(seriesMaxValues + 1);
        List<Object[]> rows = store.aggregate("SELECT period, year, id, value_usd, statement FROM (" + v.sql() + ") v" + SERIES_ORDER
                        + " LIMIT ?", params,
                rs -> new Object[]{rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class), rs.getBigDecimal(4), rs.getString(5)});
        if (rows.size() > seriesMaxValues) {
            throw InvalidInput.of("filter", "the filters select more than " + seriesMaxValues
                    + " values; narrow them (reporter, partner, flow, commodity, from/to) or export them with /api/series/csv");
        }
        List<SeriesPoint> points = new ArrayList<>();
        for (Object[] row : rows) {
            if (points.isEmpty() || !points.get(points.size() - 1).period().equals(row[0])) {
                points.add(new SeriesPoint((Integer) row[1], (String) row[0], new ArrayList<>()));
            }
            points.get(points.size() - 1).values().add(new Value((UUID) row[2], (BigDecimal) row[3], (String) row[4]));
        }
        return points;
    }

    /** The same values as {@link #series}, streamed from the database in the same order, however many there are. */
    public void seriesRows(ObservationQuery q, Consumer<SeriesRow> each) {
        ObservationStore.Selection v = store.selection(q);
        store.stream("SELECT period, year, reporter, partner, flow, commodity, id, value_usd, statement FROM (" + v.sql() + ") v"
                + SERIES_ORDER, v.params(), rs -> {
            each.accept(new SeriesRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getObject(7, UUID.class), rs.getBigDecimal(8), rs.getString(9)));
            return null;
        });
    }

    /** Exports, imports and the printed total per year and statement, grouped in SQL. */
    public List<BalanceRow> balance(ObservationQuery q) {
        ObservationStore.Selection v = store.selection(q.withFlow(null).withCommodity(q.commodity() == null ? "TOTAL" : q.commodity(), null));
        return store.aggregate("""
                SELECT year, statement, classification, exports, imports, COALESCE(exports + imports, total), exports - imports
                  FROM (SELECT year, statement, classification, max(value_usd) FILTER (WHERE flow = 'export') AS exports,
                               max(value_usd) FILTER (WHERE flow = 'import') AS imports,
                               max(value_usd) FILTER (WHERE flow = 'total') AS total
                          FROM (""" + v.sql() + """
                ) v WHERE month IS NULL GROUP BY year, statement, classification) g
                 WHERE exports IS NOT NULL OR imports IS NOT NULL
                 ORDER BY year, statement COLLATE "C", classification
                """, v.params(),
                rs -> new BalanceRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7)));
    }

    /** Year-on-year growth per statement with a window over the years (SQL); CAGR from the first and last of them. */
    public Growth growth(ObservationQuery q, Integer from, Integer to) {
        ObservationStore.Selection v = store.selection(q.withCommodity(q.commodity() == null ? "TOTAL" : q.commodity(), null));
        List<GrowthRow> years = store.aggregate("""
                SELECT year, statement, classification, value_usd,
                       CASE WHEN lag(year) OVER w = year - 1 AND lag(value_usd) OVER w <> 0
                            THEN round((value_usd - lag(value_usd) OVER w) * 100 / lag(value_usd) OVER w, 4) END
                  FROM (SELECT DISTINCT ON (statement, classification, year) statement, classification, year, value_usd FROM (""" + v.sql() + """
                        ) v WHERE month IS NULL ORDER BY statement, classification, year, id) s
                WINDOW w AS (PARTITION BY statement, classification ORDER BY year)
                 ORDER BY year, statement COLLATE "C", classification
                """, v.params(),
                rs -> new GrowthRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
        Map<List<String>, TreeMap<Integer, BigDecimal>> bySeries = new java.util.LinkedHashMap<>();
        years.forEach(y -> bySeries.computeIfAbsent(java.util.Arrays.asList(y.source(), y.classification()), k -> new TreeMap<>())
                .put(y.year(), y.valueUsd()));
        List<Cagr> cagr = new ArrayList<>();
        bySeries.forEach((key, series) -> {
            int first = from != null ? from : series.firstKey();
            int last = to != null ? to : series.lastKey();
            BigDecimal a = series.get(first);
            BigDecimal b = series.get(last);
            String reason = a == null ? "no value for " + first : b == null ? "no value for " + last
                    : last <= first ? "the range must span more than one year" : a.signum() <= 0 ? "the value for " + first + " is not above 0" : null;
            if (reason != null) {
                cagr.add(new Cagr(key.get(0), key.get(1), first, last, a, b, null, reason));
            } else {
                double rate = Math.pow(b.doubleValue() / a.doubleValue(), 1.0 / (last - first)) - 1;
                cagr.add(new Cagr(key.get(0), key.get(1), first, last, a, b, BigDecimal.valueOf(rate * 100).setScale(4, RoundingMode.HALF_UP), null));
            }
        });
        return new Growth(years, cagr);
    }

    /** A commodity's share of the same statement's TOTAL of the same flow and period, joined in SQL. */
    public List<Share> share(ObservationQuery q, String commodity) {
        ObservationStore.Selection v = store.selection(q.withCommodity(null, null));
        List<Object> params = new ArrayList<>(v.params());
        params.add(commodity);
        return store.aggregate("WITH v AS (" + v.sql() + """
                )
                SELECT p.year, p.statement, p.classification, p.commodity, p.value_usd, t.value_usd,
                       CASE WHEN t.value_usd > 0 THEN round(p.value_usd * 100 / t.value_usd, 4) END,
                       CASE WHEN t.value_usd IS NULL THEN 'the statement gives no TOTAL of this flow and period'
                            WHEN t.value_usd <= 0 THEN 'the statement''s TOTAL of this flow and period is not above 0' END
                  FROM v p
                  LEFT JOIN LATERAL (SELECT t.value_usd FROM v t
                                 WHERE t.commodity = 'TOTAL' AND t.period = p.period AND t.flow = p.flow
                                   AND t.statement = p.statement AND t.classification IS NOT DISTINCT FROM p.classification
                                 ORDER BY t.year, t.period, t.reporter, t.partner, t.flow, t.id LIMIT 1) t ON TRUE
                 WHERE p.commodity = ?
                 ORDER BY p.year, p.period, p.reporter, p.partner, p.flow, p.source_document, p.source_statement, p.id""", params,
                rs -> new Share(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getString(8)));
    }

    /**
     * Commodity structure of a flow per period and statement: totals, shares, ranks and the HHI (sum of squared
     * shares in %, over every commodity of the level, not only the top N) with window functions; only the top N
     * rows leave the database.
     */
    public List<Structure> structure(ObservationQuery q, int level, int top) {
        ObservationStore.Selection v = store.selection(q.withCommodity(null, level));
        List<Object> params = new ArrayList<>(v.params());
        params.add(top);
        List<Structure> result = new ArrayList<>();
        store.aggregate("WITH v AS (" + v.sql() + """
                ), g AS (
                SELECT v.*, sum(value_usd) OVER grp AS total,
                       row_number() OVER (PARTITION BY period, statement, classification ORDER BY value_usd DESC, commodity) AS rank
                  FROM v WINDOW grp AS (PARTITION BY period, statement, classification)
                ), s AS (
                SELECT g.*, value_usd * 100 / total AS share FROM g WHERE total <> 0
                )
                SELECT * FROM (SELECT s.*, round(sum(share * share) OVER (PARTITION BY period, statement, classification), 2) AS hhi FROM s) x
                 WHERE rank <= ?
                 ORDER BY year, period, statement COLLATE "C", classification, rank""", params, rs -> {
            String period = rs.getString("period");
            String statement = rs.getString("statement");
            Structure last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last == null || rs.getLong("rank") == 1) {
                last = new Structure(rs.getInt("year"), statement, rs.getString("classification"), level, rs.getBigDecimal("total"), rs.getBigDecimal("hhi"), new ArrayList<>());
                result.add(last);
            }
            last.commodities().add(new RankedCommodity(rs.getInt("rank"), rs.getString("commodity"), rs.getString("commodity_label"),
                    rs.getBigDecimal("value_usd"), rs.getBigDecimal("share").setScale(4, RoundingMode.HALF_UP)));
            return period;
        });
        return result;
    }

    /**
     * What the reporter says it traded with the partner beside what the partner says about the same goods, per period
     * and commodity: every figure of each side (all sources and statements, newest first), the gap for every pair of
     * figures, and — as {@code reported}/{@code mirror}/{@code gapUsd} — the preferred pair: the most recently recorded
     * figure of each side.
     */
    public List<MirrorRow> mirror(ObservationQuery q) {
        TradeFlow flow = q.flow() == null ? TradeFlow.IMPORT : q.flow();
        Map<String, List<MirrorSide>> reported = figures(q.withFlow(flow));
        Map<String, List<MirrorSide>> mirrored = figures(q.withFlow(flow.mirror()).withPair(q.partner(), q.reporter()));
        java.util.Set<String> keys = new java.util.TreeSet<>(reported.keySet());
        keys.addAll(mirrored.keySet());
        List<MirrorRow> rows = new ArrayList<>();
        for (String key : keys) {
            List<MirrorSide> a = reported.getOrDefault(key, List.of());
            List<MirrorSide> b = mirrored.getOrDefault(key, List.of());
            List<MirrorPair> pairs = new ArrayList<>();
            for (MirrorSide x : a) {
                for (MirrorSide y : b) {
                    pairs.add(new MirrorPair(x.observationId(), y.observationId(), gap(x, y), gapPct(x, y)));
                }
            }
            MirrorSide preferredA = a.isEmpty() ? null : a.get(0);
            MirrorSide preferredB = b.isEmpty() ? null : b.get(0);
            String[] parts = key.split("\u0000");
            rows.add(new MirrorRow(parts[0], parts[1], preferredA, preferredB, gap(preferredA, preferredB), gapPct(preferredA, preferredB),
                    a, b, pairs));
        }
        return rows;
    }

    private static BigDecimal gap(MirrorSide a, MirrorSide b) {
        return a != null && b != null ? a.valueUsd().subtract(b.valueUsd()) : null;
    }

    private static BigDecimal gapPct(MirrorSide a, MirrorSide b) {
        BigDecimal gap = gap(a, b);
        return gap != null && b.valueUsd().signum() != 0 ? gap.multiply(HUNDRED).divide(b.valueUsd(), MC).setScale(4, RoundingMode.HALF_UP) : null;
    }

    /**
     * One side's figures by period and commodity, the most recently recorded first (ties by statement); at most
     * {@code silkroad.trade.mirror.max-values} of them, since the view pairs them in memory (400 above).
     */
    private Map<String, List<MirrorSide>> figures(ObservationQuery q) {
        ObservationStore.Selection v = store.selection(q);
        List<Object> params = new ArrayList<>(v.params());
        params.add(mirrorMaxValues + 1);
        Map<String, List<MirrorSide>> byKey = new TreeMap<>();
        List<Void> read = store.aggregate("SELECT period, commodity, id, reporter, flow, value_usd, statement FROM (" + v.sql() + ") v"
                + " ORDER BY period, commodity, recorded_at DESC, statement COLLATE \"C\", id LIMIT ?", params, rs -> {
            byKey.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                    .add(new MirrorSide(rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7)));
            return null;
        });
        if (read.size() > mirrorMaxValues) {
            throw InvalidInput.of("filter", "the filters select more than " + mirrorMaxValues + " figures of "
                    + q.reporter() + "'s " + q.flow().code() + "s; narrow them (commodity, level, period, from/to, source)");
        }
        return byKey;
    }

    /**
     * The checks compare observations with each other and with the printed figures row by row (neighbouring years,
     * statements of one figure, components of a total, note texts), so they read the selected observations; at most
     * {@code silkroad.trade.checks.max-observations} of them, beyond which the caller narrows the filters (400).
     */
    public List<Finding> checks(ObservationQuery q, String kind) {
        long selected = store.count(q);
        if (selected > checksMaxObservations) {
            throw InvalidInput.of("filter", "the filters select " + selected + " observations; the checks compare at most "
                    + checksMaxObservations + " at a time: narrow them (reporter, partner, flow, commodity, from/to)");
        }
        List<Finding> findings = ConsistencyChecks.of(select(q), printed.find(q));
        return kind == null ? findings : findings.stream().filter(f -> f.kind().equals(kind)).toList();
    }

    public List<Printed> printed(ObservationQuery q) {
        return printed.find(q);
    }

    /**
     * Which reporters, partners, flows, years and statements the selection (current, or as of a date) holds, with
     * counts: one pass over the selection (grouping sets), not one per dimension.
     */
    public Availability availability(ObservationQuery q) {
        ObservationStore.Selection v = store.selection(q);
        Map<String, List<Count>> by = new TreeMap<>();
        store.aggregate("""
                SELECT CASE WHEN GROUPING(reporter) = 0 THEN 'reporter' WHEN GROUPING(partner) = 0 THEN 'partner'
                            WHEN GROUPING(flow) = 0 THEN 'flow' WHEN GROUPING(year) = 0 THEN 'year' ELSE 'statement' END,
                       COALESCE(reporter, partner, flow, year::text, statement), count(*)
                  FROM (""" + v.sql() + """
                ) v GROUP BY GROUPING SETS ((reporter), (partner), (flow), (year), (statement))
                 ORDER BY 1, year, 2""", v.params(), rs -> {
            by.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Count(rs.getString(2), rs.getLong(3)));
            return null;
        });
        return new Availability(by.getOrDefault("reporter", List.of()), by.getOrDefault("partner", List.of()),
                by.getOrDefault("flow", List.of()), by.getOrDefault("year", List.of()), by.getOrDefault("statement", List.of()));
    }
}
