package org.silkroad.trade.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.silkroad.trade.release.importing.ReleaseImporter;
import org.silkroad.trade.release.importing.ReleaseUploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads the figures of the source studies (a copy of {@code shared/data/trade/*.csv} in {@code resources/dataset})
 * at start, through the same upload path a user takes. A file whose content is already a release is skipped by the
 * importer itself, so only the first start of a database imports anything.
 */
@ApplicationScoped
public class ShippedDataset {

    private static final Logger LOG = Logger.getLogger(ShippedDataset.class);
    public static final List<String> FILES = List.of("kz_cn_annual.csv", "kz_imports_from_cn_by_commodity.csv", "cn_central_asia.csv");
    public static final String SOURCE = "Source studies 000/004 (shared/data/trade)";
    /** The dataset describes what the studies printed; its vintage is the day it was compiled for this project. */
    static final LocalDate PUBLISHED = LocalDate.of(2024, 1, 1);

    private final ReleaseUploads uploads;
    private final boolean enabled;

    ShippedDataset(ReleaseUploads uploads, @ConfigProperty(name = "silkroad.trade.seed-dataset", defaultValue = "true") boolean enabled) {
        this.uploads = uploads;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            LOG.info("shipped dataset not loaded (silkroad.trade.seed-dataset=false)");
            return;
        }
        load();
    }

    public void load() {
        for (String name : FILES) {
            try (InputStream in = ShippedDataset.class.getResourceAsStream("/dataset/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("dataset file " + name + " is missing from the build");
                }
                ReleaseImporter.Outcome outcome = uploads.upload(in, "text/csv", null, SOURCE, name, PUBLISHED);
                LOG.infof("dataset %s: %s (release %s)", name, outcome.imported() ? "imported" : "already present", outcome.release().id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
