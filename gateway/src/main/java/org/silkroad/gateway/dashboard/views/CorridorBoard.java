package org.silkroad.gateway.dashboard.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every corridor asset with its status, latest measurements, utilization and thresholds, plus a GeoJSON layer of
 * the assets that carry a location. Status and measurements refer to their asset by {@code assetId} (or
 * {@code asset}); a status may also sit on the asset itself. Missing fields leave their part empty.
 */
@ApplicationScoped
public class CorridorBoard {

    public record Measurement(String metric, Double value, String unit, String at, Double utilizationPct,
                              JsonNode threshold, String measurementId) {
    }

    public record AssetRow(String id, String name, String kind, List<String> countries, String status,
                           String statusSince, JsonNode capacity, JsonNode thresholds, List<Measurement> measurements) {
    }

    public record Board(List<AssetRow> assets, Map<String, Long> byStatus, ObjectNode geojson) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    CorridorBoard(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Board board() {
        Map<String, JsonNode> statusByAsset = latestStatus();
        Map<String, List<Measurement>> measurementsByAsset = latestMeasurements();
        List<AssetRow> assets = new ArrayList<>();
        Map<String, Long> byStatus = new TreeMap<>();
        ArrayNode features = json.createArrayNode();
        for (Object[] row : rows("""
                SELECT aggregate_id, CAST(payload AS text) FROM aggregate_state
                 WHERE topic = 'corridor.assets.v1' AND NOT deleted ORDER BY aggregate_id
                """)) {
            String id = (String) row[0];
            JsonNode asset = tree((String) row[1]);
            JsonNode status = statusByAsset.get(id);
            // corridor-service's schema: the asset carries status {state, since, …}; a change event says {from, to}.
            JsonNode own = asset.path("status");
            String statusName = status != null ? text(status, "to", "status")
                    : own.isObject() ? own.path("state").asText(null) : own.asText(null);
            String since = status != null ? text(status, "since", "effectiveFrom", "changedAt", "date") : null;
            statusName = statusName == null ? "unknown" : statusName;
            byStatus.merge(statusName, 1L, Long::sum);
            JsonNode capacity = asset.get("capacity");
            List<Measurement> measurements = new ArrayList<>();
            for (Measurement m : measurementsByAsset.getOrDefault(id, List.of())) {
                measurements.add(withUtilization(m, capacity));
            }
            List<String> countries = new ArrayList<>();
            asset.path("countries").forEach(c -> countries.add(c.asText()));
            assets.add(new AssetRow(id, asset.path("name").asText(id), asset.path("kind").asText(null), countries,
                    statusName, since, capacity, asset.get("thresholds"), measurements));
            JsonNode geometry = geometry(asset);
            if (geometry != null) {
                ObjectNode feature = features.addObject();
                feature.put("type", "Feature");
                feature.put("id", id);
                feature.set("geometry", geometry);
                ObjectNode properties = feature.putObject("properties");
                properties.put("id", id);
                properties.put("name", asset.path("name").asText(id));
                properties.put("kind", asset.path("kind").asText(null));
                properties.put("status", statusName);
            }
        }
        ObjectNode geojson = json.createObjectNode();
        geojson.put("type", "FeatureCollection");
        geojson.set("features", features);
        return new Board(assets, byStatus, geojson);
    }

    private static Measurement withUtilization(Measurement m, JsonNode capacity) {
        if (capacity == null || m.value() == null || !capacity.path("value").isNumber()
                || capacity.path("value").asDouble() == 0) {
            return m;
        }
        String unit = capacity.path("unit").asText("");
        if (!unit.isEmpty() && m.unit() != null && !unit.equals(m.unit())) {
            return m;
        }
        return new Measurement(m.metric(), m.value(), m.unit(), m.at(),
                TradeViews.round(m.value() / capacity.path("value").asDouble() * 100), m.threshold(), m.measurementId());
    }

    /** Latest status event per asset, by its own time when it has one, else by event time. */
    private Map<String, JsonNode> latestStatus() {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT DISTINCT ON (asset) asset, payload FROM (
                  SELECT coalesce(payload->>'assetId', payload->>'asset', aggregate_id) AS asset, CAST(payload AS text) AS payload,
                         coalesce(payload->>'since', payload->>'effectiveFrom', payload->>'changedAt', payload->>'date', '') AS at,
                         event_time
                    FROM aggregate_state WHERE topic = 'corridor.status.v1' AND NOT deleted) s
                 ORDER BY asset, at DESC, event_time DESC
                """)) {
            result.put((String) row[0], tree((String) row[1]));
        }
        return result;
    }

    /** Latest measurement per asset and metric. */
    private Map<String, List<Measurement>> latestMeasurements() {
        Map<String, List<Measurement>> result = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT DISTINCT ON (asset, metric) asset, metric, payload, at, id FROM (
                  SELECT coalesce(payload->>'assetId', payload->>'asset') AS asset,
                         coalesce(payload->>'metric', payload->>'kind', 'value') AS metric, CAST(payload AS text) AS payload,
                         coalesce(payload->>'measuredAt', payload->'period'->>'value', CASE WHEN jsonb_typeof(payload->'period') = 'string' THEN payload->>'period' END, payload->>'date', payload->>'year', '') AS at,
                         event_time, aggregate_id AS id
                    FROM aggregate_state WHERE topic = 'corridor.measurements.v1' AND NOT deleted) m
                 WHERE asset IS NOT NULL
                 ORDER BY asset, metric, at DESC, event_time DESC
                """)) {
            JsonNode m = tree((String) row[2]);
            JsonNode value = m.get("value");
            result.computeIfAbsent((String) row[0], a -> new ArrayList<>()).add(new Measurement((String) row[1],
                    value != null && value.isNumber() ? value.asDouble() : null, m.path("unit").asText(null),
                    (String) row[3], null, m.get("threshold"), (String) row[4]));
        }
        return result;
    }

    /** GeoJSON geometry from {@code geometry}, {@code location {lat, lon}}, {@code coordinates} or {@code route}. */
    private JsonNode geometry(JsonNode asset) {
        for (String field : new String[]{"geometry", "location"}) {
            JsonNode geometry = asset.get(field);
            if (geometry != null && geometry.has("type") && geometry.has("coordinates")) {
                return geometry;
            }
        }
        JsonNode location = asset.has("location") ? asset.get("location") : asset.get("position");
        if (location != null && location.isObject()) {
            JsonNode lat = location.has("lat") ? location.get("lat") : location.get("latitude");
            JsonNode lon = location.has("lon") ? location.get("lon") : location.has("lng") ? location.get("lng") : location.get("longitude");
            if (lat != null && lon != null && lat.isNumber() && lon.isNumber()) {
                return point(lon.asDouble(), lat.asDouble());
            }
        }
        JsonNode coordinates = asset.get("coordinates");
        if (coordinates != null && coordinates.isArray() && coordinates.size() == 2 && coordinates.get(0).isNumber()) {
            return point(coordinates.get(0).asDouble(), coordinates.get(1).asDouble());
        }
        JsonNode route = asset.has("route") ? asset.get("route") : asset.get("path");
        if (route != null && route.isArray() && route.size() >= 2 && route.get(0).isArray()) {
            ObjectNode line = json.createObjectNode();
            line.put("type", "LineString");
            line.set("coordinates", route);
            return line;
        }
        return null;
    }

    private ObjectNode point(double lon, double lat) {
        ObjectNode point = json.createObjectNode();
        point.put("type", "Point");
        point.putArray("coordinates").add(lon).add(lat);
        return point;
    }

    private static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field).asText();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
