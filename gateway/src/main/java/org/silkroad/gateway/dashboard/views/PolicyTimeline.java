package org.silkroad.gateway.dashboard.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The policy timeline and the attainment of its targets, read from the fields of policy.milestones.v1's contract
 * only: {@code date}, {@code dateEnd}, {@code status}, {@code actors} and {@code targets[]} ({@code metric},
 * {@code value}, {@code unit}, {@code deadline}, {@code tradeSeries} or {@code corridorAsset}). A target's actual
 * value is every figure the read model holds for the deadline year; each is compared on its own.
 */
@ApplicationScoped
public class PolicyTimeline {

    private static final Map<String, String> ALPHA3 = Map.of("CN", "CHN", "KZ", "KAZ", "KG", "KGZ", "TJ", "TJK",
            "TM", "TKM", "UZ", "UZB", "RU", "RUS");

    /** The contract's status values that mean "in force" (its enum: unknown, pending, announced, signed, …). */
    private static final Set<String> IN_FORCE = Set.of("in_force");
    private static final Set<String> LASTING = Set.of("strategy", "programme", "agreement", "partnership_level", "institution");

    public record Milestone(String id, String title, String category, String date, String dateEnd, int year,
                            List<String> actors, String summary, String status, boolean inForce) {
    }

    /** One recorded figure for the deadline, with where it comes from. */
    public record Figure(double value, String reporter, String document, String statement, List<String> observationIds,
                         boolean met) {
    }

    /**
     * @param status met (every figure reaches the target), missed (none does), disputed (figures disagree),
     *               pending (deadline not yet passed, or no figure recorded for it)
     */
    public record Attainment(String milestoneId, String title, String metric, double targetValue, String unit,
                             int deadlineYear, String subject, String status, String reason, List<Figure> figures) {
    }

    public record Timeline(String today, List<Milestone> milestones, List<Attainment> targets, long inForceToday) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final TradeViews trade;

    PolicyTimeline(EntityManager em, ObjectMapper json, TradeViews trade) {
        this.em = em;
        this.json = json;
        this.trade = trade;
    }

    public Timeline timeline() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Milestone> milestones = new ArrayList<>();
        List<Attainment> targets = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT aggregate_id, CAST(payload AS text) FROM aggregate_state
                 WHERE topic = 'policy.milestones.v1' AND NOT deleted AND payload->>'date' ~ '^[0-9]{4}'
                 ORDER BY payload->>'date', aggregate_id
                """).getResultList();
        for (Object[] row : rows) {
            JsonNode m = tree((String) row[1]);
            String id = (String) row[0];
            String date = m.path("date").asText();
            String end = text(m, "dateEnd");
            String status = text(m, "status");
            List<String> actors = new ArrayList<>();
            m.path("actors").forEach(a -> actors.add(a.asText()));
            boolean inForce = inForce(m.path("category").asText(""), status, date, end, today);
            milestones.add(new Milestone(id, m.path("title").asText(id), m.path("category").asText(null), date, end,
                    Integer.parseInt(date.substring(0, 4)), actors, m.path("summary").asText(null), status, inForce));
            targets.addAll(attainments(id, m, actors, today));
        }
        return new Timeline(today.toString(), milestones, targets, milestones.stream().filter(Milestone::inForce).count());
    }

    /**
     * In force today: an explicit lifecycle status says so; otherwise a lasting kind of milestone (strategy,
     * programme, agreement, partnership, institution) that has started and not ended.
     */
    static boolean inForce(String category, String status, String date, String end, LocalDate today) {
        // "unknown" means policy-service had no lifecycle dates to derive from: judge by the kind of milestone.
        if (status != null && !status.equalsIgnoreCase("unknown")) {
            return IN_FORCE.contains(status.toLowerCase(Locale.ROOT));
        }
        if (!LASTING.contains(category)) {
            return false;
        }
        return !start(date).isAfter(today) && (end == null || !finish(end).isBefore(today));
    }

    static LocalDate start(String fuzzy) {
        return switch (fuzzy.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(fuzzy), 1, 1);
            case 7 -> LocalDate.parse(fuzzy + "-01");
            default -> LocalDate.parse(fuzzy.substring(0, 10));
        };
    }

    static LocalDate finish(String fuzzy) {
        return switch (fuzzy.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(fuzzy), 12, 31);
            case 7 -> LocalDate.parse(fuzzy + "-01").plusMonths(1).minusDays(1);
            default -> LocalDate.parse(fuzzy.substring(0, 10));
        };
    }

    /**
     * The milestone's {@code targets[]}. One without a numeric value or a year in its deadline (a design capacity,
     * a loan pledge) cannot be met or missed and is left out.
     */
    private List<Attainment> attainments(String id, JsonNode m, List<String> actors, LocalDate today) {
        List<Attainment> result = new ArrayList<>();
        for (JsonNode target : m.path("targets")) {
            String deadline = text(target, "deadline");
            if (!target.path("value").isNumber() || deadline == null || !deadline.matches("^[0-9]{4}.*")) {
                continue;
            }
            double value = target.get("value").asDouble() * multiplier(target.path("unit").asText(""));
            String unit = target.path("unit").asText("").toLowerCase(Locale.ROOT).endsWith("usd") ? "USD" : target.path("unit").asText();
            JsonNode series = target.path("tradeSeries");
            String reporter = series.isObject() ? ALPHA3.getOrDefault(series.path("reporter").asText(), series.path("reporter").asText()) : null;
            String partner = series.isObject() ? ALPHA3.getOrDefault(series.path("partner").asText(), series.path("partner").asText()) : null;
            result.add(judge(id, m.path("title").asText(id), target.path("metric").asText(), value, unit,
                    Integer.parseInt(deadline.substring(0, 4)), reporter, partner, text(target, "corridorAsset"), actors, today));
        }
        return result;
    }

    private static double multiplier(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return u.startsWith("billion") ? 1e9 : u.startsWith("million") ? 1e6 : u.startsWith("thousand") ? 1e3 : 1;
    }

    /** Compares a target with every figure recorded for its deadline year, each figure judged on its own. */
    private Attainment judge(String id, String title, String metric, double value, String unit, int deadline,
                             String reporter, String partner, String assetId, List<String> actors, LocalDate today) {
        List<Figure> figures = new ArrayList<>();
        String subject;
        if (assetId != null) {
            subject = assetId;
            figures.addAll(measurements(assetId, metric, deadline, value));
        } else {
            List<String> countries = actors.stream().map(a -> ALPHA3.getOrDefault(a, a)).filter(a -> a.matches("^[A-Z]{3}$")).toList();
            String a = reporter != null ? reporter : countries.size() >= 1 ? countries.get(0) : "CHN";
            String b = partner != null ? partner : countries.size() >= 2 ? countries.get(1) : "KAZ";
            subject = a + "–" + b;
            double goal = value;
            int year = deadline;
            trade.totals(a, b).forEach((who, years) -> years.getOrDefault(year, List.of()).forEach(t ->
                    figures.add(new Figure(t.valueUsd(), who, t.document(), t.statement(), t.observationIds(), t.valueUsd() >= goal))));
        }
        String status;
        String reason;
        if (deadline >= today.getYear()) {
            status = "pending";
            reason = "deadline " + deadline + " has not passed";
        } else if (figures.isEmpty()) {
            status = "pending";
            reason = "no figure recorded for " + deadline;
        } else if (figures.stream().allMatch(Figure::met)) {
            status = "met";
            reason = "every recorded " + deadline + " figure reaches the target";
        } else if (figures.stream().noneMatch(Figure::met)) {
            status = "missed";
            reason = "every recorded " + deadline + " figure falls short";
        } else {
            status = "disputed";
            reason = "recorded " + deadline + " figures disagree on whether the target was reached";
        }
        return new Attainment(id, title, metric, value, unit, deadline, subject, status, reason, figures);
    }

    private List<Figure> measurements(String assetId, String metric, int year, double target) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT aggregate_id, CAST(payload->>'value' AS float8), payload->>'source'
                  FROM aggregate_state
                 WHERE topic = 'corridor.measurements.v1' AND NOT deleted
                   AND payload->>'assetId' = :asset AND payload->>'metric' = :metric
                   AND substr(payload->'period'->>'value', 1, 4) = :year
                 ORDER BY aggregate_id
                """).setParameter("asset", assetId).setParameter("metric", metric)
                .setParameter("year", Integer.toString(year)).getResultList();
        return rows.stream().map(r -> {
            double v = ((Number) r[1]).doubleValue();
            return new Figure(v, assetId, (String) r[2], null, List.of((String) r[0]), v >= target);
        }).toList();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
