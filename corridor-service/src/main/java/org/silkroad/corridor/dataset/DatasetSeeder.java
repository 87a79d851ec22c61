package org.silkroad.corridor.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads the shipped corridor data set at the first start, through the same import a user calls
 * ({@code POST /api/assets/import}). {@code dataset/corridors.json} is a verbatim copy of the shared data set;
 * {@code dataset/corridor-enrichment.json} holds what the service's editors added (town-level coordinates, marked
 * approximate; crossing sides, modes, rail routes, contractors) so the facts of the sources and our additions stay
 * apart. A row in {@code dataset_load} records the load; later starts leave editors' changes alone.
 */
@ApplicationScoped
public class DatasetSeeder {

    static final String NAME = "corridors.json";
    private static final Logger LOG = Logger.getLogger(DatasetSeeder.class);

    private final CorridorDataset dataset;
    private final EntityManager em;
    private final ObjectMapper json;
    private final boolean enabled;

    DatasetSeeder(CorridorDataset dataset, EntityManager em, ObjectMapper json,
                  @ConfigProperty(name = "silkroad.corridor.seed-dataset", defaultValue = "true") boolean enabled) {
        this.dataset = dataset;
        this.em = em;
        this.json = json;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            seed();
        }
    }

    /**
     * Loads the data set unless it was loaded before. The marker row is inserted first in the same transaction, so
     * two replicas starting together cannot both load it: the second waits on the key, then finds it taken.
     */
    @Transactional
    public boolean seed() {
        int claimed = em.createNativeQuery("INSERT INTO dataset_load (name, loaded_at) VALUES (?1, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, NAME).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        CorridorDataset.ImportReport report = dataset.importItems(items());
        LOG.infof("loaded the corridor data set: %s", report);
        return true;
    }

    /** The shipped items with the editors' additions merged in, plus the assets the editors added. */
    public List<DatasetItem> items() {
        ArrayNode items = (ArrayNode) read("dataset/corridors.json");
        JsonNode enrichment = read("dataset/corridor-enrichment.json");
        JsonNode byId = enrichment.path("items");
        for (JsonNode item : items) {
            JsonNode extra = byId.path(item.path("id").asText());
            if (extra.isObject()) {
                ObjectNode target = (ObjectNode) item;
                for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if ("extraAliases".equals(field.getKey())) {
                        field.getValue().forEach(a -> ((ArrayNode) target.withArray("aliases")).add(a));
                    } else {
                        target.set(field.getKey(), field.getValue());
                    }
                }
            }
        }
        enrichment.path("additions").forEach(items::add);
        return json.convertValue(items, new TypeReference<>() { });
    }

    private JsonNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
