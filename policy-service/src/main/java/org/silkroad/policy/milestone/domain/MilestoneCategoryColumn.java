package org.silkroad.policy.milestone.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a category by its public code ("joint_statement"), which is what the database check constraint lists. */
@Converter
public class MilestoneCategoryColumn implements AttributeConverter<MilestoneCategory, String> {

    @Override
    public String convertToDatabaseColumn(MilestoneCategory category) {
        return category == null ? null : category.code();
    }

    @Override
    public MilestoneCategory convertToEntityAttribute(String code) {
        return code == null ? null : MilestoneCategory.fromCode(code);
    }
}
