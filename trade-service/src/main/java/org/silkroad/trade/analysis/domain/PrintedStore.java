package org.silkroad.trade.analysis.domain;

import io.agroal.api.AgroalDataSource;
import org.silkroad.trade.observation.ObservationQuery;
import org.silkroad.trade.observation.persistence.SourceMatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads printed indicators (growth rates, shares, ranks, balances, targets the sources print). */
@ApplicationScoped
public class PrintedStore {

    private final AgroalDataSource dataSource;

    PrintedStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The printed figures about the series a query selects, in the version known then ({@code asOf}) or now. A printed
     * figure has no breakdowns, and its commodity level follows from its code as an observation's does.
     */
    public List<Printed> find(ObservationQuery q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM printed_indicator WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (q.asOf() == null) {
            sql.append(" AND known_until IS NULL");
        } else {
            sql.append(" AND known_from <= ? AND (known_until IS NULL OR known_until > ?)");
            params.add(Date.valueOf(q.asOf()));
            params.add(Date.valueOf(q.asOf()));
        }
        and(sql, params, "reporter = ?", q.reporter());
        and(sql, params, "partner = ?", q.partner());
        and(sql, params, "flow = ?", q.flow() == null ? null : q.flow().code());
        and(sql, params, "commodity = ?", q.commodity());
        and(sql, params, "(CASE WHEN commodity = 'TOTAL' THEN 0 ELSE length(commodity) END) = ?", q.level());
        and(sql, params, "period = ?", q.period());
        and(sql, params, "year >= ?", q.fromYear());
        and(sql, params, "year <= ?", q.toYear());
        and(sql, params, "release_id = ?", q.release());
        if (q.source() != null) {
            sql.append(" AND ").append(SourceMatch.condition(""));
            params.addAll(SourceMatch.params(q.source()));
        }
        sql.append(" ORDER BY year, indicator, source_document, source_statement");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<Printed> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Printed(rs.getObject("id", UUID.class), rs.getString("reporter"), rs.getString("partner"),
                            rs.getString("flow"), rs.getString("commodity"), rs.getInt("year"), rs.getString("indicator"),
                            rs.getBigDecimal("value"), rs.getString("unit"), rs.getBigDecimal("value_usd"),
                            rs.getString("source_document"), rs.getString("source_statement"), rs.getString("source_agency"),
                            rs.getString("note"), rs.getObject("release_id", UUID.class), rs.getInt("version"),
                            rs.getDate("known_from").toLocalDate(), rs.getObject("known_until", LocalDate.class)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("printed indicator query failed", e);
        }
    }

    private static void and(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }
}
