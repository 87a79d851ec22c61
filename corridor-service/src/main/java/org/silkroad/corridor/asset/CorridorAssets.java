package org.silkroad.corridor.asset;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.silkroad.corridor.asset.api.CorridorAssetView;
import org.silkroad.corridor.asset.api.NewCorridorAsset;
import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.asset.events.CorridorAssetEvents;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** Registers and finds corridor assets; every change goes out as an event in the same transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorridorAssets {

    private final CorridorAssetEvents events;

    CorridorAssets(CorridorAssetEvents events) {
        this.events = events;
    }

    /**
     * Registers a new asset under the id the client chose. An id already taken is a conflict rather than an update:
     * silently overwriting would lose the other editor's asset. Two registrations racing for one id
     * meet at the primary key; the flush turns the loser's violation into the same 409.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public CorridorAssetView register(NewCorridorAsset input) {
        if (CorridorAsset.findByIdOptional(input.id()).isPresent()) {
            throw new ClientErrorException("corridor asset '" + input.id() + "' already exists", Response.Status.CONFLICT);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CorridorAsset a = new CorridorAsset();
        a.id = input.id();
        a.name = input.name();
        a.kind = AssetKind.fromCode(input.kind());
        a.countries = List.copyOf(input.countries());
        a.aliases = input.aliases() == null ? List.of() : List.copyOf(input.aliases());
        a.note = input.note();
        a.version = 1;
        a.createdAt = now;
        a.updatedAt = now;
        try {
            a.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw new ClientErrorException("corridor asset '" + input.id() + "' already exists", Response.Status.CONFLICT);
        }
        events.changed(a);
        return CorridorAssetView.of(a);
    }

    public Optional<CorridorAssetView> find(String id) {
        return CorridorAsset.<CorridorAsset>findByIdOptional(id).map(CorridorAssetView::of);
    }

    public Page<CorridorAssetView> list(AssetFilter filter, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        filter.kind().ifPresent(v -> { where.add("kind = :kind"); params.and("kind", v); });
        filter.country().ifPresent(v -> { where.add("array_contains(countries, :country)"); params.and("country", v); });
        String query = (where.length() == 0 ? "" : where + " ") + "order by id";
        PanacheQuery<CorridorAsset> found = CorridorAsset.find(query, params);
        return Page.of(found, page, CorridorAssetView::of);
    }
}
