package org.silkroad.gateway.dashboard.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The trade views: bilateral trend with milestones, mirror comparison, commodity structure, China – Central Asia. */
@ApplicationScoped
public class TradeViews {

    public static final Set<String> CENTRAL_ASIA = Set.of("KAZ", "KGZ", "TJK", "TKM", "UZB");
    private static final Set<String> CENTRAL_ASIA_GROUPS = Set.of("C_ASIA", "CENTRAL_ASIA", "CENTRAL_ASIA_5", "CA5");

    /** One statement of a value. */
    public record Statement(double valueUsd, String document, String statement, List<String> observationIds, boolean derived) {
    }

    /** All statements for one year; {@code conflict} when they disagree (they are never averaged). */
    public record Point(int year, List<Statement> statements, boolean conflict) {
    }

    public record Series(String reporter, String partner, String flow, String label, List<Point> points) {
    }

    public record MilestoneMark(String id, String title, String date, int year, String category) {
    }

    public record Trend(List<String> countries, int fromYear, int toYear, String unit, List<Series> series,
                        List<Map<String, Object>> conflicts, List<MilestoneMark> milestones) {
    }

    /**
     * One year and direction of the mirror comparison. Each side keeps every statement it has for the figure (never
     * averaged); the reported values and the gap are those of each side's first statement (ordered by document and
     * statement), and {@code conflict} says a side holds statements that disagree, so the gap is one of several.
     */
    public record MirrorRow(int year, String direction, String exporter, String importer, Double reportedByExporterUsd,
                            Double reportedByImporterUsd, Double gapUsd, Double gapPct, List<Statement> exporterStatements,
                            List<Statement> importerStatements, boolean conflict) {
    }

    public record Mirror(List<String> countries, String unit, List<MirrorRow> rows) {
    }

    public record CommodityItem(String commodity, String label, double valueUsd, Double sharePct, String document,
                                String statement) {
    }

    public record CommodityYear(String reporter, String partner, String flow, int year, double totalUsd,
                                List<CommodityItem> items) {
    }

    public record Commodities(String unit, List<CommodityYear> structure) {
    }

    public record CentralAsia(String unit, List<Series> series) {
    }

    private final TradeFigures figures;
    private final EntityManager em;

    TradeViews(TradeFigures figures, EntityManager em) {
        this.figures = figures;
        this.em = em;
    }

    public Trend trend(String a, String b, int fromYear, int toYear) {
        List<TradeFigure> pair = figures.between(Set.of(a, b), Set.of(a, b));
        List<Series> series = new ArrayList<>();
        List<Map<String, Object>> conflicts = new ArrayList<>();
        Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> totals = BilateralTotals.of(pair);
        for (String reporter : new TreeSet<>(List.of(a, b))) {
            String partner = reporter.equals(a) ? b : a;
            for (String flow : List.of("total", "export", "import")) {
                Map<Integer, List<Statement>> byYear = new TreeMap<>();
                if (flow.equals("total")) {
                    totals.getOrDefault(reporter, new TreeMap<>()).forEach((year, list) ->
                            byYear.put(year, new ArrayList<>(list.stream().map(TradeViews::statement).toList())));
                } else {
                    pair.stream().filter(f -> f.annual() && f.total() && f.reporter().equals(reporter)
                                    && f.partner().equals(partner) && flow.equals(f.flow()))
                            .forEach(f -> byYear.computeIfAbsent(f.year(), y -> new ArrayList<>()).add(statement(f)));
                }
                List<Point> points = new ArrayList<>();
                byYear.forEach((year, statements) -> {
                    if (year < fromYear || year > toYear) {
                        return;
                    }
                    boolean conflict = BilateralTotals.conflicting(statements.stream().map(Statement::valueUsd).toList());
                    points.add(new Point(year, statements, conflict));
                    if (conflict) {
                        conflicts.add(Map.of("year", year, "reporter", reporter, "flow", flow,
                                "valuesUsd", statements.stream().map(Statement::valueUsd).distinct().toList()));
                    }
                });
                if (!points.isEmpty()) {
                    series.add(new Series(reporter, partner, flow, label(reporter, partner, flow), points));
                }
            }
        }
        return new Trend(List.of(a, b), fromYear, toYear, "USD", series, conflicts, milestones(fromYear, toYear));
    }

    private static String label(String reporter, String partner, String flow) {
        return switch (flow) {
            case "export" -> reporter + " exports to " + partner + " (reported by " + reporter + ")";
            case "import" -> reporter + " imports from " + partner + " (reported by " + reporter + ")";
            default -> reporter + "–" + partner + " total trade (reported by " + reporter + ")";
        };
    }

    /** Policy milestones with a year in range, for the same time axis. */
    public List<MilestoneMark> milestones(int fromYear, int toYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT aggregate_id, payload->>'title', payload->>'date', payload->>'category'
                  FROM aggregate_state
                 WHERE topic = 'policy.milestones.v1' AND NOT deleted AND payload->>'date' ~ '^[0-9]{4}'
                   AND CAST(substr(payload->>'date', 1, 4) AS int) BETWEEN :from AND :to
                 ORDER BY payload->>'date', aggregate_id
                """).setParameter("from", fromYear).setParameter("to", toYear).getResultList();
        return rows.stream().map(r -> new MilestoneMark((String) r[0], (String) r[1], (String) r[2],
                Integer.parseInt(((String) r[2]).substring(0, 4)), (String) r[3])).toList();
    }

    /** Each direction of the pair as reported by the exporter and by the importer, plus the two reporters' totals. */
    public Mirror mirror(String a, String b) {
        List<TradeFigure> pair = figures.between(Set.of(a, b), Set.of(a, b)).stream()
                .filter(f -> f.annual() && f.total()).toList();
        List<MirrorRow> rows = new ArrayList<>();
        Set<Integer> years = new TreeSet<>();
        pair.forEach(f -> years.add(f.year()));
        Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> totals = BilateralTotals.of(pair);
        for (int year : years) {
            for (String[] dir : new String[][]{{a, b}, {b, a}}) {
                List<Statement> byExporter = statements(pair, dir[0], dir[1], "export", year);
                List<Statement> byImporter = statements(pair, dir[1], dir[0], "import", year);
                if (!byExporter.isEmpty() || !byImporter.isEmpty()) {
                    rows.add(row(year, dir[0] + "→" + dir[1], dir[0], dir[1], byExporter, byImporter));
                }
            }
            List<Statement> totalA = totalStatements(totals, a, year);
            List<Statement> totalB = totalStatements(totals, b, year);
            if (!totalA.isEmpty() || !totalB.isEmpty()) {
                rows.add(row(year, "total", a, b, totalA, totalB));
            }
        }
        return new Mirror(List.of(a, b), "USD", rows);
    }

    private static MirrorRow row(int year, String direction, String exporter, String importer, List<Statement> byExporter,
                                 List<Statement> byImporter) {
        Double x = byExporter.isEmpty() ? null : byExporter.get(0).valueUsd();
        Double y = byImporter.isEmpty() ? null : byImporter.get(0).valueUsd();
        Double gap = x == null || y == null ? null : x - y;
        Double pct = gap == null || y == 0 ? null : round(gap / y * 100);
        boolean conflict = BilateralTotals.conflicting(byExporter.stream().map(Statement::valueUsd).toList())
                || BilateralTotals.conflicting(byImporter.stream().map(Statement::valueUsd).toList());
        return new MirrorRow(year, direction, exporter, importer, x, y, gap, pct, byExporter, byImporter, conflict);
    }

    private static List<Statement> statements(List<TradeFigure> figures, String reporter, String partner, String flow, int year) {
        return figures.stream().filter(f -> f.year() == year && f.reporter().equals(reporter)
                        && f.partner().equals(partner) && flow.equals(f.flow()))
                .map(TradeViews::statement).toList();
    }

    private static Statement statement(TradeFigure f) {
        return new Statement(f.valueUsd(), f.document(), f.statement(), List.of(f.observationId()), false);
    }

    private static Statement statement(BilateralTotals.Total t) {
        return new Statement(t.valueUsd(), t.document(), t.statement(), t.observationIds(), t.derived());
    }

    private static List<Statement> totalStatements(Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> totals,
                                                   String reporter, int year) {
        return totals.getOrDefault(reporter, new TreeMap<>()).getOrDefault(year, List.of()).stream()
                .map(TradeViews::statement).toList();
    }

    public Commodities commodities() {
        Map<String, List<TradeFigure>> groups = new LinkedHashMap<>();
        for (TradeFigure f : figures.byCommodity()) {
            if (f.annual()) {
                groups.computeIfAbsent(f.reporter() + "|" + f.partner() + "|" + f.flow() + "|" + f.year(),
                        k -> new ArrayList<>()).add(f);
            }
        }
        List<CommodityYear> structure = new ArrayList<>();
        groups.values().forEach(group -> {
            TradeFigure first = group.get(0);
            double sum = group.stream().mapToDouble(TradeFigure::valueUsd).sum();
            List<CommodityItem> items = group.stream()
                    .sorted(Comparator.comparingDouble(TradeFigure::valueUsd).reversed())
                    .map(f -> new CommodityItem(f.commodity(), f.commodityLabel(), f.valueUsd(),
                            sum == 0 ? null : round(f.valueUsd() / sum * 100), f.document(), f.statement()))
                    .toList();
            structure.add(new CommodityYear(first.reporter(), first.partner(), first.flow(), first.year(), sum, items));
        });
        return new Commodities("USD", structure);
    }

    /** China's trade with the Central Asian states, per partner (country or group) and year. */
    public CentralAsia centralAsia() {
        Set<String> partners = new TreeSet<>(CENTRAL_ASIA);
        partners.addAll(CENTRAL_ASIA_GROUPS);
        List<TradeFigure> china = figures.between(Set.of("CHN"), partners);
        Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> byPartner = new TreeMap<>();
        for (String partner : partners) {
            List<TradeFigure> withPartner = china.stream().filter(f -> f.partner().equals(partner)).toList();
            BilateralTotals.of(withPartner).forEach((reporter, years) -> byPartner.put(partner, years));
        }
        List<Series> series = new ArrayList<>();
        byPartner.forEach((partner, years) -> {
            List<Point> points = new ArrayList<>();
            years.forEach((year, list) -> points.add(new Point(year, list.stream().map(TradeViews::statement).toList(),
                    BilateralTotals.conflicting(list.stream().map(BilateralTotals.Total::valueUsd).toList()))));
            series.add(new Series("CHN", partner, "total", "China – " + partner + " total trade", points));
        });
        return new CentralAsia("USD", series);
    }

    /** The bilateral totals of a pair, for the overview's tiles and for target attainment. */
    public Map<String, TreeMap<Integer, List<BilateralTotals.Total>>> totals(String a, String b) {
        return BilateralTotals.of(figures.between(Set.of(a, b), Set.of(a, b)));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
