package org.silkroad.trade.observation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.trade.observation.api.NewTradeObservation;
import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.domain.TradeFlow;
import org.silkroad.trade.observation.domain.TradeObservation;
import org.silkroad.trade.observation.events.TradeObservationEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/** Records and finds trade observations; every change goes out as an event in the same transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TradeObservations {

    private final TradeObservationEvents events;

    TradeObservations(TradeObservationEvents events) {
        this.events = events;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public TradeObservationView record(NewTradeObservation input) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TradeObservation o = new TradeObservation();
        o.id = UUID.randomUUID();
        o.reporter = input.reporter();
        o.partner = input.partner();
        o.flow = TradeFlow.fromCode(input.flow());
        o.period = input.period();
        o.commodity = input.commodity();
        o.valueUsd = input.valueUsd();
        o.sourceDocument = input.sourceDocument();
        o.sourceStatement = input.sourceStatement();
        o.note = input.note();
        o.version = 1;
        o.createdAt = now;
        o.updatedAt = now;
        o.persist();
        events.changed(o);
        return TradeObservationView.of(o);
    }

    public Optional<TradeObservationView> find(UUID id) {
        return TradeObservation.<TradeObservation>findByIdOptional(id).map(TradeObservationView::of);
    }

    public Page<TradeObservationView> list(ObservationFilter filter, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        filter.reporter().ifPresent(v -> { where.add("reporter = :reporter"); params.and("reporter", v); });
        filter.partner().ifPresent(v -> { where.add("partner = :partner"); params.and("partner", v); });
        filter.flow().ifPresent(v -> { where.add("flow = :flow"); params.and("flow", v); });
        filter.commodity().ifPresent(v -> { where.add("commodity = :commodity"); params.and("commodity", v); });
        filter.period().ifPresent(v -> { where.add("period = :period"); params.and("period", v); });
        String query = (where.length() == 0 ? "" : where + " ") + "order by period, reporter, partner, id";
        PanacheQuery<TradeObservation> found = TradeObservation.find(query, params);
        return Page.of(found, page, TradeObservationView::of);
    }
}
