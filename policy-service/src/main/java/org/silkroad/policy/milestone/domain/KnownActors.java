package org.silkroad.policy.milestone.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Who may act in a milestone: a country by its ISO 3166-1 alpha-2 code, or one of the organisations and groups the
 * shared data set uses. Anything else is most likely a typo, and a typo would hide the milestone from actor filters.
 */
public final class KnownActors {

    /** Groups of policy_milestones.json: {@code bilateral} is CN-KZ (both are listed too), {@code global} the world. */
    public static final Set<String> GROUPS = Set.of("bilateral", "SCO", "EAEU", "Central_Asia", "USSR", "global");

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private KnownActors() {
    }

    public static boolean isKnown(String actor) {
        return actor != null && (COUNTRIES.contains(actor) || GROUPS.contains(actor));
    }
}
