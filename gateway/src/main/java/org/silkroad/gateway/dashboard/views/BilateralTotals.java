package org.silkroad.gateway.dashboard.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two-way trade totals per reporter and year, one per statement: a figure published as a total counts as it is;
 * otherwise exports plus imports from the same statement make one. Figures from different statements are never
 * added or averaged, so a conflict between sources stays visible.
 */
public final class BilateralTotals {

    /** One statement's total for one reporter and year, with the observations it rests on. */
    public record Total(String reporter, String partner, int year, double valueUsd, Double balanceUsd, String document,
                        String statement, List<String> observationIds, boolean derived) {
    }

    private BilateralTotals() {
    }

    /** Totals keyed by reporter, then year (ascending); only annual TOTAL-commodity figures take part. */
    public static Map<String, TreeMap<Integer, List<Total>>> of(List<TradeFigure> figures) {
        Map<String, List<TradeFigure>> byGroup = new LinkedHashMap<>();
        for (TradeFigure f : figures) {
            if (f.annual() && f.total()) {
                byGroup.computeIfAbsent(f.reporter() + "|" + f.partner() + "|" + f.year() + "|" + f.statementKey(),
                        k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, TreeMap<Integer, List<Total>>> result = new TreeMap<>();
        for (List<TradeFigure> group : byGroup.values()) {
            TradeFigure first = group.get(0);
            TradeFigure export = null;
            TradeFigure imports = null;
            List<Total> totals = new ArrayList<>();
            for (TradeFigure f : group) {
                switch (f.flow() == null ? "" : f.flow()) {
                    case "export" -> export = export == null ? f : export;
                    case "import" -> imports = imports == null ? f : imports;
                    case "total", "trade", "two-way" -> totals.add(new Total(f.reporter(), f.partner(), f.year(),
                            f.valueUsd(), null, f.document(), f.statement(), List.of(f.observationId()), false));
                    default -> { }
                }
            }
            if (export != null && imports != null) {
                double balance = export.valueUsd() - imports.valueUsd();
                if (totals.isEmpty()) {
                    totals.add(new Total(first.reporter(), first.partner(), first.year(),
                            export.valueUsd() + imports.valueUsd(), balance, first.document(), first.statement(),
                            List.of(export.observationId(), imports.observationId()), true));
                } else {
                    totals.replaceAll(t -> new Total(t.reporter(), t.partner(), t.year(), t.valueUsd(), balance,
                            t.document(), t.statement(), t.observationIds(), false));
                }
            }
            for (Total t : totals) {
                result.computeIfAbsent(t.reporter(), r -> new TreeMap<>()).computeIfAbsent(t.year(), y -> new ArrayList<>()).add(t);
            }
        }
        return result;
    }

    /** True when the statements disagree by more than rounding (0.5 %). */
    public static boolean conflicting(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return max - min > Math.abs(max) * 0.005;
    }
}
