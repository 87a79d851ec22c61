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
 * Every corridor asset with its status, latest measurements and utilization, plus a GeoJSON layer of the assets
 * that carry a location; read from the fields of corridor-service's contracts only. The status is the latest
 * transition on corridor.status.v1 ({@code to}, {@code changedAt}, {@code cause}, which names the threshold when one
 * tripped it), else the asset's own {@code status.state}. Measurements are the latest per asset and metric by the
 * end of their {@code period}, then {@code recordedAt}.
 */
@ApplicationScoped
public class CorridorBoard {

    /** @param at the period the figure covers ({@code period.value}); null for an undated statement */
    public record Measurement(String metric, Double value, String unit, String at, Double utilizationPct,
                              String qualifier, String measurementId) {
    }

    /** @param statusCause why the status last changed: {@code editor:…}, {@code threshold:…}, {@code window ended} */
    public record AssetRow(String id, String name, String kind, List<String> countries, String status,
                           String statusSince, String statusCause, JsonNode capacity, List<Measurement> measurements) {
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
            JsonNode own = asset.path("status");
            String statusName = status != null ? text(status, "to") : text(own, "state");
            String since = status != null ? text(status, "changedAt") : text(own, "since");
            String cause = status != null ? text(status, "cause") : null;
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
                    statusName, since, cause, capacity, measurements));
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
                TradeViews.round(m.value() / capacity.path("value").asDouble() * 100), m.qualifier(), m.measurementId());
    }

    /** Latest status transition per asset (the topic is keyed by asset; by time in case of several keys). */
    private Map<String, JsonNode> latestStatus() {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT DISTINCT ON (payload->>'assetId') payload->>'assetId', CAST(payload AS text)
                  FROM aggregate_state WHERE topic = 'corridor.status.v1' AND NOT deleted
                 ORDER BY payload->>'assetId', CAST(payload->>'changedAt' AS timestamptz) DESC, version DESC
                """)) {
            result.put((String) row[0], tree((String) row[1]));
        }
        return result;
    }

    /** Latest measurement per asset and metric. */
    private Map<String, List<Measurement>> latestMeasurements() {
        Map<String, List<Measurement>> result = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT DISTINCT ON (payload->>'assetId', payload->>'metric') payload->>'assetId', payload->>'metric',
                       CAST(payload->>'value' AS float8), payload->>'unit', payload->>'qualifier',
                       payload->'period'->>'value', aggregate_id
                  FROM aggregate_state WHERE topic = 'corridor.measurements.v1' AND NOT deleted
                 ORDER BY payload->>'assetId', payload->>'metric', payload->'period'->>'end' DESC NULLS LAST,
                          CAST(payload->>'recordedAt' AS timestamptz) DESC, event_time DESC
                """)) {
            result.computeIfAbsent((String) row[0], a -> new ArrayList<>()).add(new Measurement((String) row[1],
                    ((Number) row[2]).doubleValue(), (String) row[3], (String) row[5], null, (String) row[4], (String) row[6]));
        }
        return result;
    }

    /** The asset's {@code location}: a GeoJSON Point or LineString in the contract. */
    private static JsonNode geometry(JsonNode asset) {
        JsonNode location = asset.get("location");
        return location != null && location.has("type") && location.has("coordinates") ? location : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
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
