package org.silkroad.trade.observation;

import org.silkroad.trade.observation.domain.TradeFlow;

import java.util.Optional;

/** Which observations a list asks for; an empty field means any. */
public record ObservationFilter(Optional<String> reporter, Optional<String> partner, Optional<TradeFlow> flow,
                                Optional<String> commodity, Optional<String> period) {
}
