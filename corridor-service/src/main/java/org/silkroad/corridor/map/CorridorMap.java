package org.silkroad.corridor.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.measurement.domain.Measurement;
import org.silkroad.corridor.performance.Utilization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The assets as one GeoJSON FeatureCollection for a map: geometry in [longitude, latitude] (null for assets
 * without coordinates, which GeoJSON allows), and as properties the kind, mode, current status, the latest key
 * measurements and the utilization. Filtered and paged in SQL; three queries whatever the number of assets.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorridorMap {

    /** The metrics a map shows; the others (lengths, counts, amounts) belong on the asset page. */
    static final List<String> KEY_METRICS = List.of("throughput", "crossing_time", "crossing_cost", "section_cost",
            "speed_without_delay", "speed_with_delay");

    /** Matches when a position [lon, lat] ({@code p}) lies in the box. */
    private static final String IN_BOX = "(%1$s->>0)::float8 BETWEEN :west AND :east AND (%1$s->>1)::float8 BETWEEN :south AND :north";

    private final EntityManager em;
    private final ObjectMapper json;

    CorridorMap(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * What the map shows changes with every asset write (version + 1, status changes included, registrations and
     * deletions change the count) and every change of a latest measurement (its revision + 1). Counts and sums,
     * not timestamps: they move whatever order concurrent transactions commit in.
     */
    public String revision() {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT (SELECT count(*) FROM corridor_asset), (SELECT coalesce(sum(version), 0) FROM corridor_asset),
                       (SELECT count(*) FROM measurement_latest), (SELECT coalesce(sum(revision), 0) FROM measurement_latest)
                """).getSingleResult();
        return r[0] + "." + r[1] + "." + r[2] + "." + r[3];
    }

    public Map<String, Object> featureCollection(MapQuery query) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new HashMap<>();
        query.kind().ifPresent(v -> { where.add("kind = :kind"); params.put("kind", v); });
        query.country().ifPresent(v -> { where.add(":country = ANY (countries)"); params.put("country", v); });
        query.status().ifPresent(v -> { where.add("status = :status"); params.put("status", v); });
        query.mode().ifPresent(v -> { where.add("mode = :mode"); params.put("mode", v); });
        query.text().ifPresent(v -> {
            where.add("search_text LIKE :text");
            params.put("text", "%" + v.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        query.bbox().ifPresent(b -> {
            where.add("location IS NOT NULL AND ((location->>'type' = 'Point' AND " + IN_BOX.formatted("location->'coordinates'")
                    + ") OR (location->>'type' = 'LineString' AND EXISTS (SELECT 1 FROM jsonb_array_elements(location->'coordinates') p WHERE "
                    + IN_BOX.formatted("p") + ")))");
            params.put("west", b.west());
            params.put("south", b.south());
            params.put("east", b.east());
            params.put("north", b.north());
        });
        String page = query.size().map(size -> " LIMIT " + size + " OFFSET " + (long) query.page() * size).orElse("");
        String selected = "SELECT id FROM corridor_asset" + where + " ORDER BY id" + page;

        long matched = query.size().isEmpty() ? -1
                : ((Number) bind(em.createNativeQuery("SELECT count(*) FROM corridor_asset" + where), params).getSingleResult()).longValue();
        // A projection, not entities: no entity materialisation or dirty-checking snapshots for thousands of assets.
        @SuppressWarnings("unchecked")
        List<Object[]> assets = bind(em.createNativeQuery("""
                SELECT id, name, kind, mode, array_to_string(countries, ','), status, status_reason,
                       location::text, capacity::text, version
                  FROM corridor_asset
                """ + where + " ORDER BY id" + page), params).getResultList();
        @SuppressWarnings("unchecked")
        List<Measurement> latest = bind(em.createNativeQuery("""
                SELECT m.* FROM measurement_latest l JOIN measurement m ON m.id = l.measurement_id
                 WHERE l.metric IN (:metrics)
                """ + (where.length() == 0 && page.isEmpty() ? "" : " AND l.asset_id IN (" + selected + ")"), Measurement.class), params)
                .setParameter("metrics", KEY_METRICS)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList();
        Map<String, List<Measurement>> byAsset = new HashMap<>();
        latest.forEach(m -> byAsset.computeIfAbsent(m.assetId, k -> new ArrayList<>()).add(m));

        List<Map<String, Object>> features = new ArrayList<>(assets.size());
        for (Object[] a : assets) {
            features.add(feature(a, byAsset.getOrDefault((String) a[0], List.of())));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        // Foreign members (RFC 7946 §6.1), named as in OGC API Features.
        collection.put("numberMatched", matched < 0 ? features.size() : matched);
        collection.put("numberReturned", features.size());
        query.size().ifPresent(size -> {
            collection.put("page", query.page());
            collection.put("size", size);
            collection.put("totalPages", (int) ((matched + size - 1) / size));
        });
        collection.put("features", features);
        return collection;
    }

    private static Query bind(Query q, Map<String, Object> params) {
        params.forEach(q::setParameter);
        return q;
    }

    private Map<String, Object> feature(Object[] a, List<Measurement> measurements) {
        String id = (String) a[0];
        JsonNode location = read((String) a[7]);
        Capacity capacity = a[8] == null ? null : json.convertValue(read((String) a[8]), Capacity.class);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("name", a[1]);
        properties.put("kind", a[2]);
        properties.put("mode", a[3]);
        properties.put("countries", a[4] == null || ((String) a[4]).isEmpty() ? List.of() : List.of(((String) a[4]).split(",")));
        properties.put("status", a[5]);
        properties.put("statusReason", a[6]);
        properties.put("hasLocation", location != null);
        properties.put("approximateLocation", location != null && location.path("approximate").asBoolean(false));
        properties.put("latest", latestByMetric(measurements));
        List<Measurement> throughputLatestFirst = measurements.stream().filter(m -> "throughput".equals(m.metric))
                .sorted(Comparator.comparing((Measurement m) -> m.periodStart, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        properties.put("utilization", Utilization.of(capacity, throughputLatestFirst).orElse(null));
        properties.put("version", ((Number) a[9]).longValue());

        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", id);
        feature.put("geometry", location == null ? null
                : Map.of("type", location.path("type").asText(), "coordinates", location.path("coordinates")));
        feature.put("properties", properties);
        return feature;
    }

    private JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }

    private static Map<String, Object> latestByMetric(List<Measurement> measurements) {
        Map<String, Object> out = new LinkedHashMap<>();
        measurements.stream()
                .sorted(Comparator.comparing((Measurement m) -> m.periodStart, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(m -> out.putIfAbsent(m.metric, Map.of(
                        "value", m.value, "unit", m.unit, "period", m.period.isEmpty() ? "undated" : m.period)));
        return out;
    }
}
