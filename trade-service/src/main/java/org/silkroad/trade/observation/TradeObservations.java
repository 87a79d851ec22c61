package org.silkroad.trade.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;
import org.silkroad.trade.observation.api.NewTradeObservation;
import org.silkroad.trade.observation.api.TradeObservationView;
import org.silkroad.trade.observation.domain.ObservationRow;
import org.silkroad.trade.observation.domain.TradeFlow;
import org.silkroad.trade.observation.events.TradeObservationEvents;
import org.silkroad.trade.observation.persistence.ObservationStore;
import org.silkroad.trade.release.events.ReleasePublications;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Records and finds trade observations; every change goes out as an event in the same transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TradeObservations {

    private final ObservationStore store;
    private final TradeObservationEvents events;

    private final ReleasePublications publications;

    TradeObservations(ObservationStore store, TradeObservationEvents events, ReleasePublications publications) {
        this.store = store;
        this.events = events;
        this.publications = publications;
    }

    /**
     * An editor's observation is a figure of its own: two editors entering the same flow from two sources make two
     * observations, so its key is its id.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public TradeObservationView record(NewTradeObservation input) {
        UUID id = UUID.randomUUID();
        String[] period = input.period().split("-");
        ObservationRow row = new ObservationRow("manual|" + id, input.reporter(), null, input.partner(), null, null,
                TradeFlow.fromCode(input.flow()), input.period(), Integer.parseInt(period[0]),
                period.length > 1 ? Integer.parseInt(period[1]) : null,
                input.commodity(), input.classification(), null, null, null, true,
                input.valueUsd(), input.cifUsd(), input.fobUsd(), null, null, null, null, null,
                input.originalValue(), input.originalUnit(),
                input.sourceDocument(), input.sourceStatement(), input.sourceAgency(), input.note());
        store.insert(id, row, today());
        TradeObservationView created = store.find(id, null).orElseThrow();
        events.changed(created);
        return created;
    }

    /**
     * Deletes through the ordinary outbox. If a bulk release's revision of this observation is still waiting for the
     * release publisher, that revision goes out first through the outbox (and the publisher leaves it out), so the
     * deletion can never overtake it on the topic (ADR 0008).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(UUID id) {
        Optional<Long> version = store.markDeleted(id, today()); // locks the observation's row until commit
        if (version.isEmpty()) {
            return false;
        }
        for (ReleasePublications.PendingRevision pending : publications.notYetPublished(id)) {
            events.changed(store.revision(id, pending.version()).orElseThrow());
            publications.takenOver(pending.release(), id);
        }
        events.deleted(store.findLatest(id).orElseThrow(), version.get());
        return true;
    }

    public Optional<TradeObservationView> find(UUID id, LocalDate asOf) {
        return store.find(id, asOf);
    }

    public List<TradeObservationView> revisions(UUID id) {
        return store.revisions(id);
    }

    public Page<TradeObservationView> list(ObservationQuery query, PageRequest page) {
        long total = store.count(query);
        List<TradeObservationView> items = store.page(query, page.page, page.size);
        return new Page<>(items, page.page, page.size, total, (int) ((total + page.size - 1) / page.size));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
