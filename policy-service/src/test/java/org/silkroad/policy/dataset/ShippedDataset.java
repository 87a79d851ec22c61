package org.silkroad.policy.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The dataset file the service ships, read as the tests' own expectation of what must be loaded. */
public final class ShippedDataset {

    private ShippedDataset() {
    }

    public static String text() {
        try (InputStream in = ShippedDataset.class.getClassLoader().getResourceAsStream(DatasetSeed.DATASET)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> items() {
        try {
            List<JsonNode> items = new ArrayList<>();
            new ObjectMapper().readTree(text()).forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
