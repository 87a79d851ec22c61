package org.silkroad.trade.analysis.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.silkroad.trade.observation.ObservationQuery;
import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.domain.TradeFlow;
import org.silkroad.trade.observation.persistence.ObservationStore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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

    public record BalanceRow(int year, String source, BigDecimal exportsUsd, BigDecimal importsUsd, BigDecimal totalUsd,
                             BigDecimal balanceUsd) {
    }

    public record GrowthRow(int year, String source, BigDecimal valueUsd, BigDecimal yoyPct) {
    }

    public record Growth(List<GrowthRow> years, List<Cagr> cagr) {
    }

    public record Cagr(String source, int fromYear, int toYear, BigDecimal fromUsd, BigDecimal toUsd, BigDecimal cagrPct) {
    }

    public record Share(int year, String source, String commodity, BigDecimal valueUsd, BigDecimal flowTotalUsd, BigDecimal sharePct) {
    }

    public record RankedCommodity(int rank, String commodity, String label, BigDecimal valueUsd, BigDecimal sharePct) {
    }

    public record Structure(int year, String source, int level, BigDecimal totalUsd, BigDecimal hhi, List<RankedCommodity> commodities) {
    }

    public record MirrorSide(UUID observationId, String reporter, String flow, BigDecimal valueUsd, String source, int alternatives) {
    }

    public record MirrorRow(String period, String commodity, MirrorSide reported, MirrorSide mirror, BigDecimal gapUsd, BigDecimal gapPct) {
    }

    public record Availability(List<Count> reporters, List<Count> partners, List<Count> flows, List<Count> years, List<Count> sources) {
    }

    public record Count(String value, long observations) {
    }

    private final ObservationStore store;
    private final PrintedStore printed;
    private final AgroalDataSource dataSource;

    TradeAnalysis(ObservationStore store, PrintedStore printed, AgroalDataSource dataSource) {
        this.store = store;
        this.printed = printed;
        this.dataSource = dataSource;
    }

    private List<TradeObservationView> select(ObservationQuery q) {
        List<TradeObservationView> found = new ArrayList<>();
        store.forEach(q, found::add);
        return found;
    }

    static String source(TradeObservationView o) {
        return ConsistencyChecks.statement(o);
    }

    public List<SeriesPoint> series(ObservationQuery q) {
        Map<String, SeriesPoint> byPeriod = new TreeMap<>();
        for (TradeObservationView o : select(q)) {
            byPeriod.computeIfAbsent(o.period(), p -> new SeriesPoint(o.year(), p, new ArrayList<>()))
                    .values().add(new Value(o.id(), o.valueUsd(), source(o)));
        }
        return List.copyOf(byPeriod.values());
    }

    public List<BalanceRow> balance(ObservationQuery q) {
        Map<String, BigDecimal[]> rows = new TreeMap<>();
        for (TradeObservationView o : select(q.withFlow(null).withCommodity(q.commodity() == null ? "TOTAL" : q.commodity(), null))) {
            int slot = switch (o.flow()) {
                case "export" -> 0;
                case "import" -> 1;
                case "total" -> 2;
                default -> -1;
            };
            if (slot < 0 || o.month() != null) {
                continue;
            }
            rows.computeIfAbsent(o.year() + "\u0000" + source(o), k -> new BigDecimal[3])[slot] = o.valueUsd();
        }
        List<BalanceRow> result = new ArrayList<>();
        rows.forEach((key, v) -> {
            String[] parts = key.split("\u0000", 2);
            BigDecimal total = v[0] != null && v[1] != null ? v[0].add(v[1]) : v[2];
            BigDecimal balance = v[0] != null && v[1] != null ? v[0].subtract(v[1]) : null;
            if (v[0] != null || v[1] != null) {
                result.add(new BalanceRow(Integer.parseInt(parts[0]), parts[1], v[0], v[1], total, balance));
            }
        });
        return result;
    }

    public Growth growth(ObservationQuery q, Integer from, Integer to) {
        Map<String, TreeMap<Integer, TradeObservationView>> bySource = new TreeMap<>();
        for (TradeObservationView o : select(q.withCommodity(q.commodity() == null ? "TOTAL" : q.commodity(), null))) {
            if (o.month() == null) {
                bySource.computeIfAbsent(source(o), s -> new TreeMap<>()).put(o.year(), o);
            }
        }
        List<GrowthRow> years = new ArrayList<>();
        List<Cagr> cagr = new ArrayList<>();
        bySource.forEach((source, series) -> {
            series.forEach((year, o) -> {
                TradeObservationView previous = series.get(year - 1);
                BigDecimal yoy = previous == null || previous.valueUsd().signum() == 0 ? null
                        : o.valueUsd().subtract(previous.valueUsd()).multiply(HUNDRED).divide(previous.valueUsd(), MC).setScale(4, RoundingMode.HALF_UP);
                years.add(new GrowthRow(year, source, o.valueUsd(), yoy));
            });
            int first = from != null ? from : series.firstKey();
            int last = to != null ? to : series.lastKey();
            TradeObservationView a = series.get(first);
            TradeObservationView b = series.get(last);
            if (a != null && b != null && last > first && a.valueUsd().signum() > 0) {
                double rate = Math.pow(b.valueUsd().doubleValue() / a.valueUsd().doubleValue(), 1.0 / (last - first)) - 1;
                cagr.add(new Cagr(source, first, last, a.valueUsd(), b.valueUsd(), BigDecimal.valueOf(rate * 100).setScale(4, RoundingMode.HALF_UP)));
            }
        });
        years.sort(Comparator.comparingInt(GrowthRow::year).thenComparing(GrowthRow::source));
        return new Growth(years, cagr);
    }

    public List<Share> share(ObservationQuery q, String commodity) {
        List<Share> shares = new ArrayList<>();
        List<TradeObservationView> all = select(q.withCommodity(null, null));
        for (TradeObservationView part : all) {
            if (!part.commodity().equals(commodity)) {
                continue;
            }
            all.stream().filter(t -> t.commodity().equals("TOTAL") && t.period().equals(part.period()) && t.flow().equals(part.flow())
                            && source(t).equals(source(part)) && t.valueUsd().signum() > 0)
                    .findFirst()
                    .ifPresent(total -> shares.add(new Share(part.year(), source(part), commodity, part.valueUsd(), total.valueUsd(),
                            part.valueUsd().multiply(HUNDRED).divide(total.valueUsd(), MC).setScale(4, RoundingMode.HALF_UP))));
        }
        return shares;
    }

    /** Commodity structure of a flow per year and statement: ranked commodities at one HS level and the HHI. */
    public List<Structure> structure(ObservationQuery q, int level, int top) {
        Map<String, List<TradeObservationView>> groups = new LinkedHashMap<>();
        for (TradeObservationView o : select(q.withCommodity(null, level))) {
            groups.computeIfAbsent(o.period() + "\u0000" + source(o), k -> new ArrayList<>()).add(o);
        }
        List<Structure> result = new ArrayList<>();
        groups.forEach((key, items) -> {
            BigDecimal total = items.stream().map(TradeObservationView::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() == 0) {
                return;
            }
            List<TradeObservationView> sorted = items.stream().sorted(Comparator.comparing(TradeObservationView::valueUsd).reversed()).toList();
            BigDecimal hhi = BigDecimal.ZERO;
            List<RankedCommodity> ranked = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                TradeObservationView o = sorted.get(i);
                BigDecimal share = o.valueUsd().multiply(HUNDRED).divide(total, MC);
                hhi = hhi.add(share.multiply(share));
                if (i < top) {
                    ranked.add(new RankedCommodity(i + 1, o.commodity(), o.commodityLabel(), o.valueUsd(), share.setScale(4, RoundingMode.HALF_UP)));
                }
            }
            result.add(new Structure(items.get(0).year(), source(items.get(0)), level, total, hhi.setScale(2, RoundingMode.HALF_UP), ranked));
        });
        return result;
    }

    /** What the reporter says it traded with the partner beside what the partner says about the same goods. */
    public List<MirrorRow> mirror(ObservationQuery q) {
        TradeFlow flow = q.flow() == null ? TradeFlow.IMPORT : q.flow();
        Map<String, List<TradeObservationView>> reported = byPeriodAndCommodity(select(q.withFlow(flow)));
        Map<String, List<TradeObservationView>> mirrored = byPeriodAndCommodity(select(q.withFlow(flow.mirror()).withPair(q.partner(), q.reporter())));
        TreeMap<String, MirrorRow> rows = new TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(reported.keySet());
        keys.addAll(mirrored.keySet());
        for (String key : keys) {
            MirrorSide a = side(reported.get(key));
            MirrorSide b = side(mirrored.get(key));
            String[] parts = key.split("\u0000");
            BigDecimal gap = a != null && b != null ? a.valueUsd().subtract(b.valueUsd()) : null;
            BigDecimal gapPct = gap != null && b.valueUsd().signum() != 0 ? gap.multiply(HUNDRED).divide(b.valueUsd(), MC).setScale(4, RoundingMode.HALF_UP) : null;
            rows.put(key, new MirrorRow(parts[0], parts[1], a, b, gap, gapPct));
        }
        return List.copyOf(rows.values());
    }

    private static Map<String, List<TradeObservationView>> byPeriodAndCommodity(List<TradeObservationView> items) {
        Map<String, List<TradeObservationView>> map = new TreeMap<>();
        items.forEach(o -> map.computeIfAbsent(o.period() + "\u0000" + o.commodity(), k -> new ArrayList<>()).add(o));
        return map;
    }

    /** The most recently stated figure of one side; the others are counted, not mixed in. */
    private static MirrorSide side(List<TradeObservationView> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        TradeObservationView o = items.stream().max(Comparator.comparing(TradeObservationView::updatedAt)).orElseThrow();
        return new MirrorSide(o.id(), o.reporter(), o.flow(), o.valueUsd(), source(o), items.size() - 1);
    }

    public List<Finding> checks(ObservationQuery q, String kind) {
        List<Finding> findings = ConsistencyChecks.of(select(q), printed.find(q.reporter(), q.partner(), q.asOf()));
        return kind == null ? findings : findings.stream().filter(f -> f.kind().equals(kind)).toList();
    }

    public List<Printed> printed(ObservationQuery q) {
        return printed.find(q.reporter(), q.partner(), q.asOf());
    }

    public Availability availability() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String from = " FROM trade_observation WHERE NOT deleted GROUP BY 1 ORDER BY 1";
            return new Availability(counts(st, "SELECT reporter, count(*)" + from), counts(st, "SELECT partner, count(*)" + from),
                    counts(st, "SELECT flow, count(*)" + from), counts(st, "SELECT year::text, count(*)" + from),
                    counts(st, "SELECT source_document || coalesce(', ' || source_statement, ''), count(*)" + from));
        } catch (SQLException e) {
            throw new IllegalStateException("availability query failed", e);
        }
    }

    private static List<Count> counts(Statement st, String sql) throws SQLException {
        List<Count> counts = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                counts.add(new Count(rs.getString(1), rs.getLong(2)));
            }
        }
        return counts;
    }
}
