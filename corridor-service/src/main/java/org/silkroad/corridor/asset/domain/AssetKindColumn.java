package org.silkroad.corridor.asset.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a kind by its public code ("border_crossing"), which is what the database check constraint lists. */
@Converter
public class AssetKindColumn implements AttributeConverter<AssetKind, String> {

    @Override
    public String convertToDatabaseColumn(AssetKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public AssetKind convertToEntityAttribute(String code) {
        return code == null ? null : AssetKind.fromCode(code);
    }
}
