package org.silkroad.corridor.status.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether an asset can be used right now. */
public enum AssetStatus {
    OPEN, RESTRICTED, CONGESTED, CLOSED;

    public static final String CODES = "open|restricted|congested|closed";

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AssetStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
