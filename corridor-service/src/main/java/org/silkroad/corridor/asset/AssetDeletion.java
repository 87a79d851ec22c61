package org.silkroad.corridor.asset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.silkroad.corridor.asset.api.CorridorAssetView;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.asset.domain.RetiredAsset;
import org.silkroad.corridor.asset.events.CorridorAssetEvents;
import org.silkroad.corridor.measurement.domain.Measurement;
import org.silkroad.corridor.measurement.events.MeasurementEvents;
import org.silkroad.corridor.status.api.StatusChangeView;
import org.silkroad.corridor.status.domain.StatusChange;
import org.silkroad.corridor.status.events.StatusEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes an asset with everything that only makes sense with it: its measurements, thresholds and status history go
 * too (the database cascades), and every key it had on a topic is deleted there — the asset, each measurement and
 * the asset's key on the status topic each get a {@code …deleted.v1} event with the last state and a tombstone, one
 * version above the last. All in one transaction with the outbox, so a consumer never sees half a deletion.
 */
@ApplicationScoped
public class AssetDeletion {

    private final CorridorAssetEvents assetEvents;
    private final MeasurementEvents measurementEvents;
    private final StatusEvents statusEvents;
    private final EntityManager em;

    AssetDeletion(CorridorAssetEvents assetEvents, MeasurementEvents measurementEvents, StatusEvents statusEvents,
                  EntityManager em) {
        this.em = em;
        this.assetEvents = assetEvents;
        this.measurementEvents = measurementEvents;
        this.statusEvents = statusEvents;
    }

    /** Deletes the asset; 404 when there is none (also the second time: a deleted asset is not there to delete). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void delete(String id, String editor) {
        // FOR UPDATE, not Hibernate's FOR NO KEY UPDATE: it conflicts with the key-share lock a measurement insert
        // takes on its asset, so writes in flight commit first (and their measurements get deletion events below)
        // and later ones wait, then fail on the missing asset.
        if (em.createNativeQuery("SELECT id FROM corridor_asset WHERE id = :id FOR UPDATE").setParameter("id", id)
                .getResultList().isEmpty()) {
            throw new NotFoundException("no corridor asset " + id);
        }
        CorridorAsset asset = CorridorAsset.findById(id);
        Measurement.<Measurement>stream("assetId = ?1 order by recordedAt, id", id)
                .forEach(m -> measurementEvents.deleted(m.view()));
        long statusSequence = asset.statusSequence;
        if (statusSequence > 0) {
            StatusChange last = StatusChange.find("assetId = ?1 and sequence = ?2", id, statusSequence).firstResult();
            statusEvents.deleted(StatusChangeView.of(last));
            statusSequence++;
        }
        CorridorAssetView lastState = CorridorAssetView.of(asset);
        assetEvents.deleted(lastState, asset.version + 1);

        RetiredAsset retired = RetiredAsset.<RetiredAsset>findByIdOptional(id).orElseGet(RetiredAsset::new);
        retired.id = id;
        retired.version = asset.version + 1;
        retired.statusSequence = statusSequence;
        retired.deletedBy = "editor:" + editor;
        retired.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
        retired.persist();
        asset.delete();
    }
}
