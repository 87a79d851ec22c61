package org.silkroad.gateway.dashboard;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.silkroad.gateway.readmodel.ReadModelGeneration;
import org.silkroad.testing.ObservatoryTestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * After a change every request for a busy view misses its held body; they must share one rendering instead of each
 * running the view's queries. The test holds that rendering inside the database (every read-model table locked, as a
 * long query would) until all the others have arrived, so who waits for whom is certain, not a matter of timing.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class RenderedViewsTest {

    private static final int CALLERS = 16;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    RenderedViews rendered;

    @Inject
    ReadModelGeneration generation;

    @Test
    void callersArrivingWhileAViewIsRenderedGetThatRendering() throws Exception {
        // Other tests' consumers may still apply an event meanwhile; a new generation rightly starts a new rendering,
        // so such a round proves nothing and is run again.
        for (int round = 1; round <= 3; round++) {
            Optional<List<RenderedViews.Rendered>> results = renderTogether();
            if (results.isPresent()) {
                List<RenderedViews.Rendered> all = results.get();
                assertEquals(CALLERS, all.size());
                all.forEach(r -> assertSame(all.get(0), r, "every caller got the one rendering"));
                return;
            }
        }
        fail("the read model kept changing during three rounds; no undisturbed round to judge");
    }

    /** Every caller's rendering of the overview, or empty when a write moved the read model during the round. */
    private Optional<List<RenderedViews.Rendered>> renderTogether() throws Exception {
        generation.changedElsewhere(ReadModelGeneration.SOURCES);
        long start = generation.current();
        AtomicReferenceArray<RenderedViews.Rendered> results = new AtomicReferenceArray<>(CALLERS);
        List<Thread> callers = new ArrayList<>();
        try (Connection other = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("LOCK TABLE " + readModelTables(st) + " IN ACCESS EXCLUSIVE MODE");
                for (int i = 0; i < CALLERS; i++) {
                    int index = i;
                    Thread caller = new Thread(() -> results.set(index, rendered.render("overview")), "render-" + i);
                    caller.start();
                    callers.add(caller);
                }
                // One caller renders and is stuck on the lock; the others wait for it (parked, not in the database).
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!(parked(callers) >= CALLERS - 1 && waitingForLock(st)) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                boolean gathered = parked(callers) >= CALLERS - 1;
                other.commit();
                for (Thread caller : callers) {
                    caller.join(30_000);
                }
                if (generation.current() != start) {
                    return Optional.empty();
                }
                if (!gathered) {
                    fail("while one caller rendered, the others did not wait for it (" + parked(callers) + " parked)");
                }
            }
        }
        List<RenderedViews.Rendered> all = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            all.add(results.get(i));
        }
        return Optional.of(all);
    }

    private static String readModelTables(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("""
                SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables
                 WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long parked(List<Thread> callers) {
        return callers.stream().filter(t -> t.getState() == Thread.State.WAITING).count();
    }

    private static boolean waitingForLock(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
