package org.silkroad.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {

    private static final String DELETED_ASSET = """
            {"id":"khorgos","name":"Khorgos","kind":"border_crossing","countries":["CN","KZ"],"version":3,
             "updatedAt":"%s","opened":{"value":"2012","precision":"year","earliest":"%s","latest":"2012-12-31"}}""";

    @Test
    void aPayloadThatKeepsTheContractHasNoViolations() {
        assertEquals(List.of(), EventContract.violations("org.silkroad.corridor.asset.deleted.v1",
                DELETED_ASSET.formatted("2026-12-07T04:00:00Z", "2012-01-01")));
    }

    @Test
    void datesAndTimesThatDoNotParseAreViolationsNotAnnotations() {
        List<String> badTime = EventContract.violations("org.silkroad.corridor.asset.deleted.v1",
                DELETED_ASSET.formatted("yesterday", "2012-01-01"));
        assertTrue(badTime.stream().anyMatch(v -> v.contains("updatedAt")), badTime.toString());
        List<String> impossibleDate = EventContract.violations("org.silkroad.corridor.asset.deleted.v1",
                DELETED_ASSET.formatted("2026-12-07T04:00:00Z", "2012-02-30"));
        assertTrue(impossibleDate.stream().anyMatch(v -> v.contains("earliest")), impossibleDate.toString());
    }
}
