package org.silkroad.trade.observation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * Direction of a trade flow as the reporter states it. {@code TOTAL} is two-way trade (exports plus imports): the
 * source studies print it as a figure of its own, often without the two parts, so it is a flow of its own rather
 * than something we derive.
 */
public enum TradeFlow {
    EXPORT("export"), IMPORT("import"), RE_EXPORT("re-export"), RE_IMPORT("re-import"), TOTAL("total");

    private final String code;

    TradeFlow(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static TradeFlow fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown flow '" + code + "'; expected one of export, import, re-export, re-import, total"));
    }

    public static Optional<TradeFlow> find(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /**
     * The flow the partner reports for the same goods: my imports are its exports. Goods I re-export arrive at the
     * partner as its imports, and goods I re-import left the partner as its exports: a partner's re-flows describe
     * other goods (its own earlier trade coming back or passing on), so they are never the mirror.
     */
    public TradeFlow mirror() {
        return switch (this) {
            case EXPORT, RE_EXPORT -> IMPORT;
            case IMPORT, RE_IMPORT -> EXPORT;
            case TOTAL -> TOTAL;
        };
    }
}
