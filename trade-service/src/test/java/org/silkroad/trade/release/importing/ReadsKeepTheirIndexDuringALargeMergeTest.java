package org.silkroad.trade.release.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.trade.dataset.ShippedDataset;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first large import into a database holding only the shipped dataset: while its rows are uncommitted, the
 * pair's read must keep using the series index (ADR 0009). A database of its own, so that the statistics are the
 * shipped dataset's and nothing else's.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = "database", value = "trade_merge_statistics"))
class ReadsKeepTheirIndexDuringALargeMergeTest {

    /** The shape of {@code /api/observations?reporter=KAZ&partner=CHN}'s count. */
    private static final String PAIR_READ = """
            EXPLAIN SELECT count(*) FROM trade_observation o JOIN trade_observation_revision r ON r.observation_id = o.id
             WHERE NOT r.deleted AND r.known_until IS NULL AND o.is_total AND o.reporter = 'KAZ' AND o.partner = 'CHN'""";

    @Inject
    ShippedDataset dataset;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void tablesDoubledByUncommittedRowsAreAnalysedAgainAndTheCommitBringsStatisticsOfTheRelease() throws Exception {
        dataset.load();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // what autovacuum does after the seeding: statistics of ~100 rows, most of them KAZ–CHN
            st.execute("ANALYZE trade_observation");
            st.execute("ANALYZE trade_observation_revision");
        }
        MergeStatistics statistics = new MergeStatistics(dataSource);
        assertEquals(List.of(), statistics.refreshIfGrown(), "nothing grew yet");

        try (Connection merge = connect()) {
            merge.setAutoCommit(false);
            growBothTablesWithoutCommitting(merge, 100_000);

            String stale = plan();
            assertTrue(stale.contains("Seq Scan on trade_observation o"),
                    "the stall's cause: the planner expects most of the grown file to be KAZ–CHN\n" + stale);

            assertEquals(MergeStatistics.TABLES, statistics.refreshIfGrown());
            String refreshed = plan();
            assertFalse(refreshed.contains("Seq Scan on trade_observation o"), refreshed);
            assertTrue(refreshed.contains("trade_observation_series"), "the pair read uses the series index\n" + refreshed);
            assertEquals(2, statistics.analyses());

            assertEquals(List.of(), statistics.refreshIfGrown(), "not analysed again until a file has doubled again");

            // The merge's end: statistics taken in its transaction count its own rows and are committed with them.
            MergeStatistics.countTheRelease(merge);
            merge.commit();
        }
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT c.reltuples, s.most_common_vals::text FROM pg_class c
                       JOIN pg_stats s ON s.tablename = c.relname AND s.attname = 'reporter'
                      WHERE c.relname = 'trade_observation'""")) {
            rs.next();
            assertTrue(rs.getDouble(1) >= 100_000, "rows counted: " + rs.getDouble(1));
            assertTrue(rs.getString(2).contains("UZB"), "the committed rows' reporters: " + rs.getString(2));
        }
    }

    /** What a merge of other pairs does to the files: rows readers cannot see, many pages of them. */
    private static void growBothTablesWithoutCommitting(Connection merge, int rows) throws SQLException {
        try (Statement st = merge.createStatement()) {
            st.execute("""
                    INSERT INTO trade_observation (id, series_key, reporter, partner, partner2, flow, period, year, month, commodity,
                           commodity_level, classification, commodity_label, customs_code, transport_mode, is_total, source_document,
                           source_statement, source_agency, created_at, release_id, version, deleted, updated_at)
                    SELECT gen_random_uuid(), 'grown-' || g, (ARRAY['UZB', 'KGZ', 'TJK', 'TKM', 'MNG'])[1 + mod(g, 5)], 'RUS', partner2, flow,
                           period, year, month, commodity, commodity_level, classification, commodity_label, customs_code,
                           transport_mode, is_total, source_document, source_statement, source_agency, created_at, release_id,
                           1, FALSE, updated_at
                      FROM (SELECT * FROM trade_observation LIMIT 1) o, generate_series(1, %d) g""".formatted(rows));
            st.execute("""
                    INSERT INTO trade_observation_revision (observation_id, version, value_usd, note, release_id, deleted, known_from, recorded_at)
                    SELECT id, 1, 1000, 'grown', release_id, FALSE, current_date, now() FROM trade_observation WHERE series_key LIKE 'grown-%'""");
        }
    }

    private String plan() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PAIR_READ)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}
