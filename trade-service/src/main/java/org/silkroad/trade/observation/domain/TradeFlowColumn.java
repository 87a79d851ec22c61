package org.silkroad.trade.observation.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a flow by its public code ("re-export"), which is what the database check constraint lists. */
@Converter
public class TradeFlowColumn implements AttributeConverter<TradeFlow, String> {

    @Override
    public String convertToDatabaseColumn(TradeFlow flow) {
        return flow == null ? null : flow.code();
    }

    @Override
    public TradeFlow convertToEntityAttribute(String code) {
        return code == null ? null : TradeFlow.fromCode(code);
    }
}
