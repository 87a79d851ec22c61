package org.silkroad.corridor.map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.silkroad.corridor.asset.domain.Capacity;
import org.silkroad.corridor.measurement.domain.Measurement;
import org.silkroad.corridor.performance.Utilization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assets as one GeoJSON FeatureCollection for a map: geometry in [longitude, latitude] (null for assets
 * without coordinates, which GeoJSON allows), and as properties the kind, mode, current status, the latest key
 * measurements and the utilization. Two queries whatever the number of assets.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorridorMap {

    /** The metrics a map shows; the others (lengths, counts, amounts) belong on the asset page. */
    static final List<String> KEY_METRICS = List.of("throughput", "crossing_time", "crossing_cost", "section_cost",
            "speed_without_delay", "speed_with_delay");

    private final EntityManager em;
    private final ObjectMapper json;

    CorridorMap(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Map<String, Object> featureCollection() {
        // A projection, not entities: no entity materialisation or dirty-checking snapshots for thousands of assets.
        @SuppressWarnings("unchecked")
        List<Object[]> assets = em.createNativeQuery("""
                SELECT id, name, kind, mode, array_to_string(countries, ','), status, status_reason,
                       location::text, capacity::text, version
                  FROM corridor_asset ORDER BY id
                """).getResultList();
        @SuppressWarnings("unchecked")
        List<Measurement> latest = em.createNativeQuery("""
                SELECT m.* FROM measurement_latest l JOIN measurement m ON m.id = l.measurement_id
                 WHERE l.metric IN (:metrics)
                """, Measurement.class).setParameter("metrics", KEY_METRICS)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList();
        Map<String, List<Measurement>> byAsset = new HashMap<>();
        latest.forEach(m -> byAsset.computeIfAbsent(m.assetId, k -> new ArrayList<>()).add(m));

        List<Map<String, Object>> features = new ArrayList<>(assets.size());
        for (Object[] a : assets) {
            String id = (String) a[0];
            JsonNode location = read((String) a[7]);
            Capacity capacity = a[8] == null ? null : json.convertValue(read((String) a[8]), Capacity.class);
            List<Measurement> measurements = byAsset.getOrDefault(id, List.of());
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
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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
