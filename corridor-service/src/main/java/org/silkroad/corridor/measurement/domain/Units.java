package org.silkroad.corridor.measurement.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The units the service accepts, with their explicit conversion factors. A unit outside this catalogue is refused
 * (400) rather than stored as free text, because an unknown unit cannot be compared, converted or summed.
 * Rates are written {@code <unit>/<period>} or {@code <unit>_per_<period>} (t/day, Mt/year, billion_m3_per_year).
 */
public final class Units {

    /** One US oil barrel in cubic metres (42 US gallons). */
    public static final double CUBIC_METRES_PER_BARREL = 0.158987294928;

    private static final Map<String, Unit> QUANTITIES = new LinkedHashMap<>();

    static {
        mass(1, "t", "tonnes", "tons", "tonne");
        mass(1e3, "kt", "thousand_t");
        mass(1e6, "Mt", "million_t", "million_tonnes", "mt");
        volume(1, "m3", "cubic_metres", "cubic_meters");
        volume(1e6, "million_m3", "mcm");
        volume(1e9, "bcm", "billion_m3");
        volume(CUBIC_METRES_PER_BARREL, "bbl", "barrels", "barrel");
        volume(CUBIC_METRES_PER_BARREL * 1e6, "million_bbl", "million_barrels");
        add(Dimension.CONTAINERS, 1, "TEU", "teu");
        add(Dimension.CONTAINERS, 2, "FEU", "feu");
        add(Dimension.TRAINS, 1, "trains", "train");
        add(Dimension.VEHICLES, 1, "vehicles", "vehicle", "trucks", "truck");
        add(Dimension.WAGONS, 1, "wagons", "wagon");
        add(Dimension.DURATION, 1, "hours", "h", "hour");
        add(Dimension.DURATION, 1.0 / 60, "minutes", "min");
        add(Dimension.DURATION, 24, "days", "day");
        add(Dimension.MONEY_USD, 1, "USD", "usd");
        add(Dimension.MONEY_USD, 1e3, "thousand_usd");
        add(Dimension.MONEY_USD, 1e6, "million_usd");
        add(Dimension.MONEY_USD, 1e9, "billion_usd");
        add(Dimension.MONEY_KZT, 1, "KZT", "kzt");
        add(Dimension.MONEY_KZT, 1e9, "billion_kzt");
        add(Dimension.MONEY_KZT, 1e12, "trillion_kzt");
        add(Dimension.SPEED, 1, "km/h", "kmh", "km_per_hour");
        add(Dimension.LENGTH, 1, "km");
        add(Dimension.LENGTH, 1e-3, "m");
        add(Dimension.SHARE, 1, "pct", "%", "percent");
        add(Dimension.SHARE, 100, "ratio");
        for (String noun : new String[]{"pairs", "lines", "routes", "terminals", "airlines", "flights", "items", "containers_trains"}) {
            add(Dimension.COUNT, 1, noun);
        }
    }

    private Units() {
    }

    /** The unit for a code, or empty when the catalogue does not know it. */
    public static Optional<Unit> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim();
        Unit whole = QUANTITIES.get(c);
        if (whole != null) {
            return Optional.of(whole);
        }
        int split = c.lastIndexOf("_per_");
        int length = 5;
        if (split < 0) {
            split = c.lastIndexOf('/');
            length = 1;
        }
        if (split <= 0) {
            return Optional.empty();
        }
        Unit quantity = QUANTITIES.get(c.substring(0, split));
        Optional<RateBasis> basis = RateBasis.fromCode(c.substring(split + length));
        if (quantity == null || quantity.isRate() || basis.isEmpty() || quantity.dimension() == Dimension.SPEED) {
            return Optional.empty();
        }
        return Optional.of(quantity.per(basis.get()));
    }

    /**
     * Converts a value between two units of one dimension, rate to rate or quantity to quantity.
     * 1 t/day = 365 t/year = 0.000365 Mt/year; 1 bcm = 10^9 m3; 1 FEU = 2 TEU.
     */
    public static double convert(double value, Unit from, Unit to) {
        if (!from.convertsTo(to)) {
            throw new IllegalArgumentException("cannot convert " + from.code() + " to " + to.code());
        }
        double inBase = value * from.factor() / to.factor();
        return from.isRate() ? inBase * to.per().days() / from.per().days() : inBase;
    }

    /** Every quantity code of the catalogue (rates are any of them with a period), for documentation and errors. */
    public static String knownCodes() {
        return String.join(", ", QUANTITIES.values().stream().map(Unit::code).distinct().toList());
    }

    private static void mass(double factor, String... codes) {
        add(Dimension.MASS, factor, codes);
    }

    private static void volume(double factor, String... codes) {
        add(Dimension.VOLUME, factor, codes);
    }

    private static void add(Dimension dimension, double factor, String... codes) {
        Unit unit = new Unit(codes[0], dimension, factor, null);
        for (String code : codes) {
            QUANTITIES.put(code, unit);
        }
    }
}
