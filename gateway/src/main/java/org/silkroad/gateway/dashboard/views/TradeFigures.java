package org.silkroad.gateway.dashboard.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads trade observations out of the read model's jsonb payloads, by the fields of trade.observations.v1's
 * contract only. A revision replaces its observation's state (same id, higher version), a deletion removes it; a
 * Comtrade breakdown row ({@code totalRow: false}) is not a figure of its own, only totals count.
 */
@ApplicationScoped
public class TradeFigures {

    private static final String SELECT = """
            SELECT aggregate_id, payload->>'reporter', payload->>'partner', lower(payload->>'flow'),
                   payload->>'period', payload->>'commodity', payload->>'commodityLabel',
                   CAST(payload->>'valueUsd' AS float8), payload->'source'->>'document', payload->'source'->>'statement'
              FROM aggregate_state
             WHERE topic = 'trade.observations.v1' AND NOT deleted
               AND coalesce(payload->>'totalRow', 'true') = 'true'
            """;

    private final EntityManager em;

    TradeFigures(EntityManager em) {
        this.em = em;
    }

    /** Annual figures between any of the given countries (reporter and partner both in the set). */
    public List<TradeFigure> between(Collection<String> reporters, Collection<String> partners) {
        return read(em.createNativeQuery(SELECT + """
                   AND payload->>'reporter' IN (:reporters) AND payload->>'partner' IN (:partners)
                 ORDER BY 5, 9, 10, 1
                """).setParameter("reporters", reporters).setParameter("partners", partners).getResultList());
    }

    /** Annual figures broken down by commodity (anything but TOTAL). */
    public List<TradeFigure> byCommodity() {
        return read(em.createNativeQuery(SELECT + """
                   AND payload->>'commodity' <> 'TOTAL'
                 ORDER BY 5, 2, 3, 4, 6, 1
                """).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<TradeFigure> read(List<?> rows) {
        List<TradeFigure> figures = new ArrayList<>();
        for (Object[] row : (List<Object[]>) rows) {
            String period = (String) row[4];
            figures.add(new TradeFigure((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    Integer.parseInt(period.substring(0, 4)), period, (String) row[5], (String) row[6],
                    ((Number) row[7]).doubleValue(), (String) row[8], (String) row[9]));
        }
        return figures;
    }
}
