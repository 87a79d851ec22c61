package org.silkroad.trade.analysis.domain;

import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.domain.MoneyUnit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds where the figures do not fit together. Pure computation over observations and printed indicators:
 * <ul>
 * <li>sources disagree: the same figure (reporter, partner, flow, period, commodity) with different values;</li>
 * <li>printed figures disagree: the same growth rate, share or rank printed differently by two statements;</li>
 * <li>printed growth, share or balance that the values of the same statement do not give (within one unit of the
 * last printed digit); a total that is not exports plus imports (within the total's own rounding);</li>
 * <li>a value repeated in consecutive years of one statement (a copying error?), and a value four times off both
 * neighbouring years (a decimal slip?);</li>
 * <li>caveats the source notes themselves flag.</li>
 * </ul>
 */
public final class ConsistencyChecks {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal JUMP = BigDecimal.valueOf(4);
    private static final List<String> CAVEAT_WORDS = List.of("conflict", "inconsisten", "does not match", "does not equal",
            "probably", "slip", "could also be read", "title says", "copying error", "kept as printed", "unclear");

    private final List<TradeObservationView> observations;
    private final List<Printed> printed;
    private final List<Finding> findings = new ArrayList<>();

    private ConsistencyChecks(List<TradeObservationView> observations, List<Printed> printed) {
        this.observations = observations;
        this.printed = printed;
    }

    public static List<Finding> of(List<TradeObservationView> observations, List<Printed> printed) {
        ConsistencyChecks checks = new ConsistencyChecks(observations, printed);
        checks.sourcesDisagree();
        checks.printedFiguresDisagree();
        checks.printedGrowth();
        checks.printedShares();
        checks.printedBalances();
        checks.componentsAddUp();
        checks.repeatedValues();
        checks.jumps();
        checks.caveats();
        return checks.findings;
    }

    static String statement(TradeObservationView o) {
        return o.source().statement() == null ? o.source().document() : o.source().document() + ", " + o.source().statement();
    }

    private static Finding.Item item(TradeObservationView o) {
        return new Finding.Item("observation", o.id(), o.flow(), o.original() == null ? o.valueUsd() : o.original().value(),
                o.original() == null ? "usd" : o.original().unit(), o.valueUsd(), statement(o), o.note());
    }

    private static Finding.Item item(Printed p) {
        return new Finding.Item("printed", p.id(), p.indicator(), p.value(), p.unit(), p.valueUsd(), p.source(), p.note());
    }

    private void add(String kind, boolean minor, String reporter, String partner, String flow, String commodity, Integer year,
                     String message, List<Finding.Item> items) {
        findings.add(new Finding(kind, minor ? "minor" : "major", reporter, partner, flow, commodity, year, message, items));
    }

    private void sourcesDisagree() {
        group(observations, o -> List.of(o.reporter(), o.partner(), o.flow(), o.period(), o.commodity())).forEach((key, same) -> {
            BigDecimal min = same.stream().map(TradeObservationView::valueUsd).min(Comparator.naturalOrder()).orElseThrow();
            BigDecimal max = same.stream().map(TradeObservationView::valueUsd).max(Comparator.naturalOrder()).orElseThrow();
            if (min.compareTo(max) != 0) {
                TradeObservationView o = same.get(0);
                boolean minor = max.subtract(min).divide(max, MC).compareTo(new BigDecimal("0.01")) < 0;
                add(Finding.SOURCES_DISAGREE, minor, o.reporter(), o.partner(), o.flow(), o.commodity(), o.year(),
                        "%d statements give %s %s %s %s %s from %s to %s USD".formatted(same.size(), o.reporter(), o.flow(),
                                o.partner(), o.period(), o.commodity(), min.toPlainString(), max.toPlainString()),
                        same.stream().map(ConsistencyChecks::item).toList());
            }
        });
    }

    private void printedFiguresDisagree() {
        group(printed, p -> List.of(p.reporter(), p.partner(), String.valueOf(p.flow()), p.commodity(), p.year(), p.indicator()))
                .forEach((key, same) -> {
                    long distinct = same.stream().map(p -> p.value().stripTrailingZeros()).distinct().count();
                    if (distinct > 1) {
                        Printed p = same.get(0);
                        add(Finding.PRINTED_FIGURES_DISAGREE, false, p.reporter(), p.partner(), p.flow(), p.commodity(), p.year(),
                                "statements print different %s for %d: %s".formatted(p.indicator(), p.year(),
                                        same.stream().map(x -> x.value().toPlainString() + " (" + x.source() + ")").collect(Collectors.joining(", "))),
                                same.stream().map(ConsistencyChecks::item).toList());
                    }
                });
    }

    /** Values of one series (reporter, partner, flow, commodity) by statement and year. */
    private List<TradeObservationView> values(String reporter, String partner, String flow, String commodity, int year) {
        return observations.stream().filter(o -> o.year() == year && o.month() == null && o.reporter().equals(reporter)
                && o.partner().equals(partner) && o.flow().equals(flow) && o.commodity().equals(commodity)).toList();
    }

    private static boolean sameStatement(TradeObservationView o, Printed p) {
        return o.source().document().equals(p.document()) && Objects.equals(o.source().statement(), p.statement());
    }

    /** One unit of the last printed digit: a printed 62.3 % may stand for anything from 62.2 to 62.4. */
    private static BigDecimal unitOfLastDigit(BigDecimal printed) {
        return BigDecimal.ONE.movePointLeft(Math.max(printed.scale(), 0));
    }

    private static BigDecimal growth(BigDecimal previous, BigDecimal current) {
        return current.subtract(previous).multiply(HUNDRED).divide(previous, MC);
    }

    private void printedGrowth() {
        for (Printed p : printed) {
            if (!"growth_pct".equals(p.indicator()) || p.flow() == null) {
                continue;
            }
            List<TradeObservationView> now = values(p.reporter(), p.partner(), p.flow(), p.commodity(), p.year());
            List<TradeObservationView> before = values(p.reporter(), p.partner(), p.flow(), p.commodity(), p.year() - 1);
            List<TradeObservationView> nowSame = now.stream().filter(o -> sameStatement(o, p)).toList();
            List<TradeObservationView> beforeSame = before.stream().filter(o -> sameStatement(o, p)).toList();
            List<TradeObservationView[]> pairs = new ArrayList<>();
            if (!nowSame.isEmpty() && !beforeSame.isEmpty()) {
                pairs.add(new TradeObservationView[]{beforeSame.get(0), nowSame.get(0)});
            } else {
                for (TradeObservationView b : before) {
                    for (TradeObservationView n : now) {
                        pairs.add(new TradeObservationView[]{b, n});
                    }
                }
            }
            if (pairs.isEmpty()) {
                continue;
            }
            BigDecimal tolerance = unitOfLastDigit(p.value());
            boolean matches = pairs.stream().anyMatch(pair -> pair[0].valueUsd().signum() != 0
                    && growth(pair[0].valueUsd(), pair[1].valueUsd()).subtract(p.value()).abs().compareTo(tolerance) <= 0);
            if (!matches) {
                String implied = pairs.stream().filter(pair -> pair[0].valueUsd().signum() != 0)
                        .map(pair -> growth(pair[0].valueUsd(), pair[1].valueUsd()).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %")
                        .distinct().collect(Collectors.joining(" or "));
                List<Finding.Item> items = new ArrayList<>();
                items.add(item(p));
                pairs.stream().flatMap(pair -> java.util.stream.Stream.of(pair[0], pair[1])).distinct().map(ConsistencyChecks::item).forEach(items::add);
                add(Finding.PRINTED_GROWTH_MISMATCH, false, p.reporter(), p.partner(), p.flow(), p.commodity(), p.year(),
                        "%s prints %s %% growth for %d; the values give %s".formatted(p.source(), p.value().toPlainString(), p.year(), implied),
                        items);
            }
        }
    }

    private void printedShares() {
        for (Printed p : printed) {
            if (!"share_pct".equals(p.indicator()) || "TOTAL".equals(p.commodity()) || p.flow() == null) {
                continue;
            }
            List<TradeObservationView> part = values(p.reporter(), p.partner(), p.flow(), p.commodity(), p.year()).stream().filter(o -> sameStatement(o, p)).toList();
            List<TradeObservationView> whole = values(p.reporter(), p.partner(), p.flow(), "TOTAL", p.year()).stream().filter(o -> sameStatement(o, p)).toList();
            if (part.isEmpty() || whole.isEmpty() || whole.get(0).valueUsd().signum() == 0) {
                continue;
            }
            BigDecimal share = part.get(0).valueUsd().multiply(HUNDRED).divide(whole.get(0).valueUsd(), MC);
            if (share.subtract(p.value()).abs().compareTo(unitOfLastDigit(p.value())) > 0) {
                add(Finding.PRINTED_SHARE_MISMATCH, false, p.reporter(), p.partner(), p.flow(), p.commodity(), p.year(),
                        "%s prints a %s %% share for %s in %d; value / total gives %s %%".formatted(p.source(), p.value().toPlainString(),
                                p.commodity(), p.year(), share.setScale(2, RoundingMode.HALF_UP).toPlainString()),
                        List.of(item(p), item(part.get(0)), item(whole.get(0))));
            }
        }
    }

    private void printedBalances() {
        for (Printed p : printed) {
            if (!"balance".equals(p.indicator()) || p.valueUsd() == null) {
                continue;
            }
            List<TradeObservationView> x = values(p.reporter(), p.partner(), "export", p.commodity(), p.year()).stream().filter(o -> sameStatement(o, p)).toList();
            List<TradeObservationView> m = values(p.reporter(), p.partner(), "import", p.commodity(), p.year()).stream().filter(o -> sameStatement(o, p)).toList();
            if (x.isEmpty() || m.isEmpty()) {
                continue;
            }
            BigDecimal balance = x.get(0).valueUsd().subtract(m.get(0).valueUsd());
            if (balance.subtract(p.valueUsd()).abs().compareTo(MoneyUnit.roundingSlack(p.value(), p.unit())) > 0) {
                add(Finding.PRINTED_BALANCE_MISMATCH, false, p.reporter(), p.partner(), null, p.commodity(), p.year(),
                        "%s prints a balance of %s USD for %d; exports - imports = %s USD".formatted(p.source(),
                                p.valueUsd().toPlainString(), p.year(), balance.toPlainString()),
                        List.of(item(p), item(x.get(0)), item(m.get(0))));
            }
        }
    }

    private void componentsAddUp() {
        for (TradeObservationView total : observations) {
            if (!"total".equals(total.flow())) {
                continue;
            }
            List<TradeObservationView> x = values(total.reporter(), total.partner(), "export", total.commodity(), total.year()).stream()
                    .filter(o -> statement(o).equals(statement(total))).toList();
            List<TradeObservationView> m = values(total.reporter(), total.partner(), "import", total.commodity(), total.year()).stream()
                    .filter(o -> statement(o).equals(statement(total))).toList();
            if (x.isEmpty() || m.isEmpty()) {
                continue;
            }
            BigDecimal sum = x.get(0).valueUsd().add(m.get(0).valueUsd());
            BigDecimal slack = total.original() == null ? BigDecimal.ONE : MoneyUnit.roundingSlack(total.original().value(), total.original().unit());
            if (sum.subtract(total.valueUsd()).abs().compareTo(slack) > 0) {
                add(Finding.COMPONENTS_DO_NOT_ADD_UP, false, total.reporter(), total.partner(), "total", total.commodity(), total.year(),
                        "%s gives total trade %s USD for %d, but exports + imports = %s USD".formatted(statement(total),
                                total.valueUsd().toPlainString(), total.year(), sum.toPlainString()),
                        List.of(item(total), item(x.get(0)), item(m.get(0))));
            }
        }
    }

    private void repeatedValues() {
        group(observations, o -> List.of(o.reporter(), o.partner(), o.flow(), o.commodity(), statement(o), String.valueOf(o.month())))
                .forEach((key, series) -> {
                    List<TradeObservationView> byYear = series.stream().sorted(Comparator.comparingInt(TradeObservationView::year)).toList();
                    for (int i = 1; i < byYear.size(); i++) {
                        TradeObservationView a = byYear.get(i - 1);
                        TradeObservationView b = byYear.get(i);
                        if (b.year() == a.year() + 1 && a.valueUsd().compareTo(b.valueUsd()) == 0 && a.valueUsd().signum() != 0) {
                            add(Finding.REPEATED_VALUE, false, b.reporter(), b.partner(), b.flow(), b.commodity(), b.year(),
                                    "%s gives the identical value %s USD for %d and %d".formatted(statement(b), b.valueUsd().toPlainString(), a.year(), b.year()),
                                    List.of(item(a), item(b)));
                        }
                    }
                });
    }

    private void jumps() {
        group(observations, o -> List.of(o.reporter(), o.partner(), o.flow(), o.commodity(), String.valueOf(o.month())))
                .forEach((key, series) -> {
                    Map<Integer, List<TradeObservationView>> byYear = series.stream().collect(Collectors.groupingBy(TradeObservationView::year));
                    for (TradeObservationView o : series) {
                        List<TradeObservationView> before = byYear.getOrDefault(o.year() - 1, List.of());
                        List<TradeObservationView> after = byYear.getOrDefault(o.year() + 1, List.of());
                        if (before.isEmpty() || after.isEmpty() || o.valueUsd().signum() == 0) {
                            continue;
                        }
                        List<TradeObservationView> neighbours = new ArrayList<>(before);
                        neighbours.addAll(after);
                        boolean tooLow = neighbours.stream().allMatch(n -> o.valueUsd().multiply(JUMP).compareTo(n.valueUsd()) < 0);
                        boolean tooHigh = neighbours.stream().allMatch(n -> n.valueUsd().multiply(JUMP).compareTo(o.valueUsd()) < 0);
                        if (tooLow || tooHigh) {
                            List<Finding.Item> items = new ArrayList<>();
                            items.add(item(o));
                            neighbours.stream().map(ConsistencyChecks::item).forEach(items::add);
                            add(Finding.IMPLAUSIBLE_JUMP, false, o.reporter(), o.partner(), o.flow(), o.commodity(), o.year(),
                                    "%s gives %s USD for %d, more than four times %s both neighbouring years (a decimal slip?)".formatted(
                                            statement(o), o.valueUsd().toPlainString(), o.year(), tooLow ? "below" : "above"),
                                    items);
                        }
                    }
                });
    }

    private void caveats() {
        Map<String, List<Finding.Item>> byNote = new LinkedHashMap<>();
        Map<String, Object[]> where = new LinkedHashMap<>();
        for (TradeObservationView o : observations) {
            if (flagged(o.note())) {
                byNote.computeIfAbsent(o.note(), n -> new ArrayList<>()).add(item(o));
                where.putIfAbsent(o.note(), new Object[]{o.reporter(), o.partner(), o.flow(), o.commodity(), o.year()});
            }
        }
        for (Printed p : printed) {
            if (flagged(p.note())) {
                byNote.computeIfAbsent(p.note(), n -> new ArrayList<>()).add(item(p));
                where.putIfAbsent(p.note(), new Object[]{p.reporter(), p.partner(), p.flow(), p.commodity(), p.year()});
            }
        }
        byNote.forEach((note, items) -> {
            Object[] w = where.get(note);
            add(Finding.SOURCE_CAVEAT, false, (String) w[0], (String) w[1], (String) w[2], (String) w[3], (Integer) w[4], note, items);
        });
    }

    private static boolean flagged(String note) {
        if (note == null) {
            return false;
        }
        String lower = note.toLowerCase(Locale.ROOT);
        return CAVEAT_WORDS.stream().anyMatch(lower::contains);
    }

    private static <T> Map<List<Object>, List<T>> group(List<T> items, Function<T, List<Object>> key) {
        Map<List<Object>, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return groups;
    }
}
