package org.silkroad.trade.analysis.domain;

import io.agroal.api.AgroalDataSource;
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

    public List<Printed> find(String reporter, String partner, LocalDate asOf) {
        StringBuilder sql = new StringBuilder("SELECT * FROM printed_indicator WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (reporter != null) {
            sql.append(" AND reporter = ?");
            params.add(reporter);
        }
        if (partner != null) {
            sql.append(" AND partner = ?");
            params.add(partner);
        }
        if (asOf != null) {
            sql.append(" AND known_from <= ?");
            params.add(Date.valueOf(asOf));
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
                            rs.getString("note"), rs.getObject("release_id", UUID.class), rs.getDate("known_from").toLocalDate()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("printed indicator query failed", e);
        }
    }
}
