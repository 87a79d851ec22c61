package org.silkroad.trade.observation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Direction of a trade flow as the reporter states it. */
public enum TradeFlow {
    EXPORT("export"), IMPORT("import"), RE_EXPORT("re-export"), RE_IMPORT("re-import");

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
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown flow '" + code + "'; expected one of export, import, re-export, re-import"));
    }
}
