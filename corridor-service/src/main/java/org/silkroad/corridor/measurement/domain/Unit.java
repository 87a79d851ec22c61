package org.silkroad.corridor.measurement.domain;

/**
 * A unit of the catalogue: its dimension, its size in the dimension's base unit (t, m3, TEU, hours, USD, km …) and,
 * for a rate such as Mt/year, the period it is per.
 */
public record Unit(String code, Dimension dimension, double factor, RateBasis per) {

    public boolean isRate() {
        return per != null;
    }

    /** The same quantity per period: "Mt" with YEAR is "Mt/year". */
    public Unit per(RateBasis basis) {
        return new Unit(code + "/" + basis.code(), dimension, factor, basis);
    }

    /** The quantity unit without its period: "Mt/year" gives "Mt". */
    public Unit quantity() {
        return per == null ? this : new Unit(code.substring(0, code.lastIndexOf('/')), dimension, factor, null);
    }

    public boolean convertsTo(Unit other) {
        return dimension == other.dimension && isRate() == other.isRate()
                && (dimension != Dimension.COUNT || quantity().code().equals(other.quantity().code()));
    }
}
