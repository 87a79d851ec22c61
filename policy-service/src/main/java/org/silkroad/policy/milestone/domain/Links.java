package org.silkroad.policy.milestone.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.util.List;

/** What a milestone concerns in the other services: corridor assets by id, and trade series. */
public record Links(
        @JsonDeserialize(contentUsing = AssetId.class) @Size(max = 100) List<@NotBlank @Size(max = 80) String> corridorAssets,
        @Size(max = 100) List<@Valid @NotNull TradeSeries> tradeSeries) {

    public static final Links NONE = new Links(List.of(), List.of());

    /**
     * An asset is named by its id; the API shows it as {@code {"id": ..., "resolved": "unknown"}}. Accepting that form
     * as well lets a client send back what it read (GET, change, PUT).
     */
    static class AssetId extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return node.isObject() ? node.path("id").asText(null) : node.asText();
        }
    }

    public Links {
        corridorAssets = corridorAssets == null ? List.of() : List.copyOf(corridorAssets);
        tradeSeries = tradeSeries == null ? List.of() : List.copyOf(tradeSeries);
    }
}
