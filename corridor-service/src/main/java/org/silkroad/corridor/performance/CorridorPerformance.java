package org.silkroad.corridor.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.measurement.domain.Measurement;
import org.silkroad.corridor.measurement.domain.Metric;
import org.silkroad.corridor.measurement.domain.Period;
import org.silkroad.corridor.measurement.domain.Unit;
import org.silkroad.corridor.measurement.domain.Units;
import org.silkroad.platform.problem.InvalidInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Figures derived from measurements: utilization, year-on-year trends, crossing rankings, delay share. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorridorPerformance {

    public record AssetUtilization(String assetId, org.silkroad.corridor.asset.domain.Capacity capacity, Utilization utilization,
                                   String explanation) {
    }

    public record YearValue(int year, double value, String unit, String basis, Double yoyChange) {
    }

    public record RankedCrossing(int rank, String assetId, String name, String period, double value, String unit, int measurements) {
    }

    public record DelayShare(String period, String direction, String mode, String label, double speedWithoutDelay,
                             double speedWithDelay, double delayShare) {
    }

    public AssetUtilization utilization(String assetId) {
        CorridorAsset asset = asset(assetId);
        List<Measurement> throughput = Measurement.list(
                "assetId = ?1 and metric = 'throughput' order by periodStart desc nulls last, recordedAt desc", assetId);
        Optional<Utilization> u = Utilization.of(asset.capacity, throughput);
        String why = u.isPresent() ? "throughput in the capacity's unit divided by the capacity"
                : asset.capacity == null ? "the asset has no capacity"
                : Units.find(asset.capacity.unit()).filter(Unit::isRate).isEmpty() ? "the capacity has no period basis (per year, per day …)"
                : "no throughput measurement converts to the capacity's unit";
        return new AssetUtilization(assetId, asset.capacity, u.orElse(null), why);
    }

    /**
     * One value per year and the change on the year before. Per year the coarsest stated period is used (a yearly
     * figure over months); several figures of that period add up for throughput-like metrics and average for times,
     * costs and speeds. Values are converted to the unit of the earliest figure.
     */
    public List<YearValue> trend(String assetId, Metric metric, String direction, String mode) {
        asset(assetId);
        List<Measurement> rows = Measurement.<Measurement>list("assetId = ?1 and metric = ?2 and periodStart is not null order by periodStart",
                assetId, metric.code()).stream()
                .filter(m -> direction == null || direction.equals(m.direction))
                .filter(m -> mode == null || mode.equals(m.mode))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Unit target = Units.find(rows.get(0).unit).orElseThrow();
        Map<Integer, List<Measurement>> byYear = rows.stream().collect(Collectors.groupingBy(m -> m.periodStart.getYear(), TreeMap::new, Collectors.toList()));
        List<YearValue> out = new ArrayList<>();
        Double previous = null;
        Integer previousYear = null;
        for (Map.Entry<Integer, List<Measurement>> year : byYear.entrySet()) {
            String coarsest = year.getValue().stream().map(m -> m.periodType)
                    .min(Comparator.comparingInt(CorridorPerformance::coarseness)).orElseThrow();
            List<Double> values = year.getValue().stream().filter(m -> m.periodType.equals(coarsest))
                    .map(m -> Units.find(m.unit).filter(u -> u.convertsTo(target))
                            .map(u -> Units.convert(m.value.doubleValue(), u, target)).orElse(null))
                    .filter(Objects::nonNull).toList();
            if (values.isEmpty()) {
                continue;
            }
            double sum = values.stream().mapToDouble(Double::doubleValue).sum();
            double value = metric.isAdditive() ? sum : sum / values.size();
            Double yoy = previous != null && previousYear == year.getKey() - 1 && previous != 0 ? value / previous - 1 : null;
            out.add(new YearValue(year.getKey(), value, target.code(), coarsest, yoy));
            previous = value;
            previousYear = year.getKey();
        }
        return out;
    }

    private static int coarseness(String periodType) {
        return switch (periodType) {
            case "year" -> 0;
            case "quarter" -> 1;
            case "month" -> 2;
            default -> 3;
        };
    }

    /**
     * Border crossings ranked by crossing time or cost, lowest (best) first. Per crossing the latest period with a
     * matching measurement counts; several measurements of it (both directions, say) are averaged.
     */
    public List<RankedCrossing> ranking(Metric metric, String mode, String direction, Period period) {
        if (metric != Metric.CROSSING_TIME && metric != Metric.CROSSING_COST) {
            throw InvalidInput.of("metric", "crossings are ranked by crossing_time or crossing_cost");
        }
        Unit target = Units.find(metric == Metric.CROSSING_TIME ? "hours" : "USD").orElseThrow();
        List<Measurement> rows = Measurement.<Measurement>list("metric = ?1 and periodStart is not null order by assetId, periodStart desc", metric.code())
                .stream()
                .filter(m -> mode == null || mode.equals(m.mode))
                .filter(m -> direction == null || direction.equals(m.direction))
                .filter(m -> period == null || (!m.periodStart.isBefore(period.start()) && !m.periodEnd.isAfter(period.end())))
                .toList();
        Map<String, CorridorAsset> crossings = CorridorAsset.<CorridorAsset>list("kind = ?1", AssetKind.BORDER_CROSSING).stream()
                .collect(Collectors.toMap(a -> a.id, a -> a));
        Map<String, List<Measurement>> byAsset = rows.stream().filter(m -> crossings.containsKey(m.assetId))
                .collect(Collectors.groupingBy(m -> m.assetId, TreeMap::new, Collectors.toList()));
        List<RankedCrossing> ranked = new ArrayList<>();
        byAsset.forEach((assetId, ms) -> {
            Measurement latest = ms.get(0);
            List<Double> values = ms.stream().filter(m -> m.period.equals(latest.period))
                    .map(m -> Units.convert(m.value.doubleValue(), Units.find(m.unit).orElseThrow(), target)).toList();
            double avg = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            ranked.add(new RankedCrossing(0, assetId, crossings.get(assetId).name, latest.period, avg, target.code(), values.size()));
        });
        ranked.sort(Comparator.comparingDouble(RankedCrossing::value).thenComparing(RankedCrossing::assetId));
        List<RankedCrossing> numbered = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            RankedCrossing r = ranked.get(i);
            numbered.add(new RankedCrossing(i + 1, r.assetId(), r.name(), r.period(), r.value(), r.unit(), r.measurements()));
        }
        return numbered;
    }

    /** delay share = 1 − speed with delay / speed without delay, for each period, direction, mode and section label. */
    public List<DelayShare> delayShare(String assetId) {
        asset(assetId);
        Unit kmh = Units.find("km/h").orElseThrow();
        List<Measurement> rows = Measurement.list("assetId = ?1 and metric in ('speed_without_delay', 'speed_with_delay') order by periodStart nulls first",
                assetId);
        Map<String, Measurement> without = new TreeMap<>();
        Map<String, Measurement> with = new TreeMap<>();
        for (Measurement m : rows) {
            String key = m.period + "|" + m.direction + "|" + m.mode + "|" + m.label;
            ("speed_without_delay".equals(m.metric) ? without : with).put(key, m);
        }
        List<DelayShare> out = new ArrayList<>();
        without.forEach((key, free) -> {
            Measurement delayed = with.get(key);
            if (delayed == null || free.value.signum() == 0) {
                return;
            }
            double freeSpeed = Units.convert(free.value.doubleValue(), Units.find(free.unit).orElseThrow(), kmh);
            double delayedSpeed = Units.convert(delayed.value.doubleValue(), Units.find(delayed.unit).orElseThrow(), kmh);
            out.add(new DelayShare(emptyToNull(free.period), emptyToNull(free.direction), emptyToNull(free.mode),
                    emptyToNull(free.label), freeSpeed, delayedSpeed, 1 - delayedSpeed / freeSpeed));
        });
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static CorridorAsset asset(String id) {
        return CorridorAsset.<CorridorAsset>findByIdOptional(id).orElseThrow(() -> new NotFoundException("no corridor asset " + id));
    }
}
