package org.silkroad.corridor.asset;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.silkroad.corridor.asset.api.CorridorAssetView;
import org.silkroad.corridor.asset.api.NewCorridorAsset;
import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.asset.domain.RetiredAsset;
import org.silkroad.corridor.asset.events.CorridorAssetEvents;
import org.silkroad.platform.problem.InvalidInput;
import org.silkroad.platform.problem.InvalidInput.FieldProblem;
import org.silkroad.platform.paging.Page;
import org.silkroad.platform.paging.PageRequest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** Registers, edits and finds corridor assets; every change goes out as an event in the same transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorridorAssets {

    /** What an upsert did, for import reports. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

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
        rejectInvalid(input);
        if (CorridorAsset.findByIdOptional(input.id()).isPresent()) {
            throw conflict(input.id());
        }
        CorridorAsset a = create(input);
        try {
            a.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw conflict(input.id());
        }
        events.changed(a);
        return CorridorAssetView.of(a);
    }

    /** Replaces the description of an existing asset (status and measurements stay); version + 1 if anything changed. */
    @Transactional(Transactional.TxType.REQUIRED)
    public CorridorAssetView replace(String id, NewCorridorAsset input) {
        if (!id.equals(input.id())) {
            throw InvalidInput.of("id", "must equal the id in the path (" + id + "); an asset's id cannot change");
        }
        rejectInvalid(input);
        CorridorAsset a = CorridorAsset.<CorridorAsset>findByIdOptional(id).orElseThrow(() -> new NotFoundException("no corridor asset " + id));
        update(a, input);
        return CorridorAssetView.of(a);
    }

    /** Creates or updates from an import; an identical description changes nothing and publishes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome upsert(NewCorridorAsset input) {
        Optional<CorridorAsset> existing = CorridorAsset.findByIdOptional(input.id());
        if (existing.isEmpty()) {
            CorridorAsset a = create(input);
            a.persist();
            events.changed(a);
            return Outcome.CREATED;
        }
        return update(existing.get(), input) ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    private boolean update(CorridorAsset a, NewCorridorAsset input) {
        if (CorridorAssetView.describe(a).equals(input.normalized())) {
            return false;
        }
        apply(a, input);
        a.version++;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.changed(a);
        return true;
    }

    private static CorridorAsset create(NewCorridorAsset input) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CorridorAsset a = new CorridorAsset();
        a.id = input.id();
        apply(a, input);
        a.version = 1;
        // An id used before continues above the versions its deletion left on the topics.
        RetiredAsset.<RetiredAsset>findByIdOptional(input.id()).ifPresent(retired -> {
            a.version = retired.version + 1;
            a.statusSequence = retired.statusSequence;
            retired.delete();
        });
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    private static void apply(CorridorAsset a, NewCorridorAsset in) {
        a.name = in.name();
        a.kind = AssetKind.fromCode(in.kind());
        a.countries = List.copyOf(in.countries());
        a.aliases = in.aliases() == null ? List.of() : List.copyOf(in.aliases());
        a.note = in.note() == null || in.note().isEmpty() ? null : in.note();
        a.mode = in.mode();
        a.opened = in.opened();
        a.lengthKm = in.lengthKm();
        a.capacity = in.capacity();
        a.location = in.location();
        a.crossing = in.crossing();
        a.railService = in.railService();
        a.project = in.project();
        a.endpoints = in.endpoints() == null ? List.of() : List.copyOf(in.endpoints());
        a.sources = in.sources() == null ? List.of() : List.copyOf(in.sources());
        a.describe();
    }

    private static void rejectInvalid(NewCorridorAsset input) {
        List<FieldProblem> errors = AssetRules.check(input, "");
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    private static ClientErrorException conflict(String id) {
        return new ClientErrorException("corridor asset '" + id + "' already exists", Response.Status.CONFLICT);
    }

    public Optional<CorridorAssetView> find(String id) {
        return CorridorAsset.<CorridorAsset>findByIdOptional(id).map(CorridorAssetView::of);
    }

    public Page<CorridorAssetView> list(AssetFilter filter, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        filter.kind().ifPresent(v -> { where.add("kind = :kind"); params.and("kind", v); });
        filter.country().ifPresent(v -> { where.add("array_contains(countries, :country)"); params.and("country", v); });
        filter.status().ifPresent(v -> { where.add("status = :status"); params.and("status", v); });
        filter.mode().ifPresent(v -> { where.add("mode = :mode"); params.and("mode", v); });
        filter.text().ifPresent(v -> {
            where.add("searchText like :text");
            params.and("text", "%" + v.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        });
        String query = (where.length() == 0 ? "" : where + " ") + "order by id";
        PanacheQuery<CorridorAsset> found = CorridorAsset.find(query, params);
        return Page.of(found, page, CorridorAssetView::of);
    }
}
