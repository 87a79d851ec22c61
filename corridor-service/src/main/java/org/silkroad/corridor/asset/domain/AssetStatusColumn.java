package org.silkroad.corridor.asset.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.silkroad.corridor.status.domain.AssetStatus;

/** Stores a status by its public code ("congested"), which is what the database check constraint lists. */
@Converter
public class AssetStatusColumn implements AttributeConverter<AssetStatus, String> {

    @Override
    public String convertToDatabaseColumn(AssetStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public AssetStatus convertToEntityAttribute(String code) {
        return code == null ? null : AssetStatus.fromCode(code).orElseThrow();
    }
}
