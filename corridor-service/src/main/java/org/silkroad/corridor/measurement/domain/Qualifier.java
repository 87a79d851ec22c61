package org.silkroad.corridor.measurement.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How exact a stated figure is: sources often say "more than" or "about". */
public enum Qualifier {
    EXACT, APPROXIMATE, LOWER_BOUND, UPPER_BOUND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Qualifier> fromCode(String code) {
        return Arrays.stream(values()).filter(q -> q.code().equals(code)).findFirst();
    }
}
