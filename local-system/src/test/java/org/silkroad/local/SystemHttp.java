package org.silkroad.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The few HTTP calls the system tests make, as a dashboard or an editor would make them. */
final class SystemHttp {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    private SystemHttp() {
    }

    static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The overview entry of one owning service. */
    static JsonNode source(String gatewayUrl, String name) throws Exception {
        JsonNode overview = get(gatewayUrl + "/api/dashboard/overview");
        for (JsonNode s : overview.path("sources")) {
            if (name.equals(s.path("source").asText())) {
                return s;
            }
        }
        throw new AssertionError("no source " + name + " in " + overview);
    }

    /** Records a KAZ→CHN export figure through trade-service's API; returns the observation's id. */
    static String observation(String tradeService, String token, String document, long valueUsd) throws Exception {
        HttpResponse<String> created = post(tradeService + "/api/observations", token, """
                {"reporter":"KAZ","partner":"CHN","flow":"export","period":"2020","commodity":"TOTAL",
                 "valueUsd":%d,"sourceDocument":"%s","sourceStatement":"system test"}""".formatted(valueUsd, document));
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("id").asText();
    }

    static String asset(String id) {
        return """
                {"id":"%s","name":"Integration crossing","kind":"border_crossing","countries":["CN","KZ"]}""".formatted(id);
    }
}
