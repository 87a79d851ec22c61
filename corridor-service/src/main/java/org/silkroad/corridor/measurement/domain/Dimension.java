package org.silkroad.corridor.measurement.domain;

/** What a unit measures; only units of one dimension convert into each other. */
public enum Dimension {
    MASS, VOLUME, CONTAINERS, TRAINS, VEHICLES, WAGONS, DURATION, MONEY_USD, MONEY_KZT, SPEED, LENGTH, SHARE,
    /** Counted things (pairs, routes, flights): each noun is its own unit and converts only to itself. */
    COUNT
}
