package org.silkroad.policy.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.silkroad.policy.milestone.Milestones;
import org.silkroad.policy.milestone.api.ImportReport;
import org.silkroad.policy.milestone.api.NewMilestone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the shipped copy of the shared policy_milestones.json at the service's first start, through the same
 * validation and import as {@code POST /api/milestones/import}, so the sample data exercises the real code. A row in
 * {@code dataset_seed} remembers that it was loaded: later starts never re-import and so never undo an editor's change.
 */
@ApplicationScoped
public class DatasetSeed {

    static final String DATASET = "dataset/policy_milestones.json";
    private static final Logger LOG = Logger.getLogger(DatasetSeed.class);

    private final Milestones milestones;
    private final Validator validator;
    private final ObjectMapper json;
    private final EntityManager em;
    private final boolean enabled;

    DatasetSeed(Milestones milestones, Validator validator, ObjectMapper json, EntityManager em,
                @ConfigProperty(name = "silkroad.policy.seed-dataset", defaultValue = "true") boolean enabled) {
        this.milestones = milestones;
        this.validator = validator;
        this.json = json;
        this.em = em;
        this.enabled = enabled;
    }

    /** Runs before the status check so the seeded milestones' first events already carry today's status. */
    void atStart(@Observes @Priority(10) StartupEvent start) {
        if (enabled) {
            seedIfFirstStart();
        }
    }

    /**
     * The marker row is inserted first, in the same transaction as the import: a second replica starting at the same
     * moment waits on it, then finds it there and loads nothing.
     */
    @Transactional
    public void seedIfFirstStart() {
        int claimed = em.createNativeQuery("INSERT INTO dataset_seed (name, loaded_at) VALUES (:name, now()) ON CONFLICT DO NOTHING")
                .setParameter("name", DATASET).executeUpdate();
        if (claimed == 0) {
            LOG.debugf("%s was loaded at an earlier start", DATASET);
            return;
        }
        List<NewMilestone> items = read();
        Set<ConstraintViolation<NewMilestone>> invalid = items.stream()
                .flatMap(item -> validator.validate(item).stream()).collect(Collectors.toSet());
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("the shipped dataset is invalid: " + invalid.stream()
                    .map(v -> v.getRootBean().id() + "." + v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
        }
        ImportReport report = milestones.importAll(items, "system:dataset-seed");
        LOG.infof("loaded %s at first start: %s", DATASET, report);
    }

    private List<NewMilestone> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DATASET)) {
            if (in == null) {
                throw new IllegalStateException(DATASET + " is missing from the service");
            }
            return json.readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DATASET, e);
        }
    }
}
