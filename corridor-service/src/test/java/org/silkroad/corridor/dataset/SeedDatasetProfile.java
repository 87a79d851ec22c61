package org.silkroad.corridor.dataset;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A start with the data set switched on, as in production: the seeding happens at start-up. */
public class SeedDatasetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("silkroad.corridor.seed-dataset", "true");
    }
}
