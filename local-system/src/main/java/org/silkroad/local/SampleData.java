package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the figures of the source studies through the services' public APIs, with an editor token, exactly as a
 * user would: what the dashboard then shows has travelled the whole way (API, outbox, Kafka, gateway).
 */
final class SampleData {

    /** What was sent to one service: accepted writes, and why the others were refused. */
    record Loaded(String service, int accepted, List<String> refused) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String token;

    SampleData(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    Loaded corridorAssets(String baseUrl) {
        List<String> refused = new ArrayList<>();
        int accepted = 0;
        for (JsonNode asset : readJson("corridors.json")) {
            ObjectNode body = JSON.createObjectNode();
            body.set("id", asset.get("id"));
            body.set("name", asset.get("name"));
            body.set("kind", asset.get("kind"));
            body.set("countries", asset.get("countries"));
            body.set("aliases", asset.get("aliases"));
            body.set("note", asset.get("note"));
            accepted += post(baseUrl + "/api/assets", body, asset.get("id").asText(), refused);
        }
        return new Loaded("corridor-service", accepted, refused);
    }

    Loaded policyMilestones(String baseUrl) {
        List<String> refused = new ArrayList<>();
        int accepted = 0;
        for (JsonNode milestone : readJson("policy_milestones.json")) {
            ObjectNode body = JSON.createObjectNode();
            body.set("id", milestone.get("id"));
            body.set("title", milestone.get("title"));
            body.set("category", milestone.get("category"));
            body.set("date", milestone.get("date"));
            body.set("actors", milestone.get("actors"));
            body.set("summary", milestone.get("summary"));
            accepted += post(baseUrl + "/api/milestones", body, milestone.get("id").asText(), refused);
        }
        return new Loaded("policy-service", accepted, refused);
    }

    /**
     * The Kazakh-reported flows with China from the annual series. The full dataset, with its growth rates, shares
     * and conflicting statements, arrives with trade-service's own import; this is the part the skeleton can hold.
     */
    Loaded tradeObservations(String baseUrl) {
        Map<String, String> flows = Map.of("kz_exports_to_cn", "export", "kz_imports_from_cn", "import");
        List<String> refused = new ArrayList<>();
        int accepted = 0;
        for (Map<String, String> row : readCsv("kz_cn_annual.csv")) {
            String flow = flows.get(row.get("indicator"));
            if (flow == null || !"billion_usd".equals(row.get("unit"))) {
                continue;
            }
            String source = row.get("source");
            int comma = source.indexOf(", ");
            ObjectNode body = JSON.createObjectNode();
            body.put("reporter", "KAZ");
            body.put("partner", "CHN");
            body.put("flow", flow);
            body.put("period", row.get("year"));
            body.put("commodity", "TOTAL");
            body.put("valueUsd", new BigDecimal(row.get("value")).movePointRight(9));
            body.put("sourceDocument", comma < 0 ? source : source.substring(0, comma));
            body.put("sourceStatement", comma < 0 ? null : source.substring(comma + 2));
            body.put("note", "As published: " + row.get("value") + " billion USD (" + row.get("reporter") + "). " + row.get("note"));
            accepted += post(baseUrl + "/api/observations", body, row.get("indicator") + " " + row.get("year"), refused);
        }
        return new Loaded("trade-service", accepted, refused);
    }

    private int post(String url, JsonNode body, String label, List<String> refused) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return 1;
            }
            refused.add(label + ": " + response.statusCode() + " " + response.body());
            return 0;
        } catch (IOException e) {
            refused.add(label + ": " + e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading sample data", e);
        }
    }

    private static List<JsonNode> readJson(String name) {
        try (InputStream in = resource(name)) {
            List<JsonNode> items = new ArrayList<>();
            JSON.readTree(in).forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException("sample data " + name + " is unreadable", e);
        }
    }

    private static List<Map<String, String>> readCsv(String name) {
        CsvMapper csv = new CsvMapper();
        try (InputStream in = resource(name);
             MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("sample data " + name + " is unreadable", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SampleData.class.getResourceAsStream("/sample-data/" + name);
        if (in == null) {
            throw new IllegalStateException("sample data " + name + " is not packaged");
        }
        return in;
    }
}
