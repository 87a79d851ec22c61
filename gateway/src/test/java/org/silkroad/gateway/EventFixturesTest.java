package org.silkroad.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.TopicWriter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The events the gateway's tests write are what the owning services publish: every fixture is checked against its
 * JSON Schema in contracts/ when it is sent, so a fixture cannot drift from the contract the views are read by.
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class EventFixturesTest {

    @Test
    void everyKindOfFixtureFollowsItsContract() {
        String s = Events.suffix();
        try (TopicWriter writer = TopicWriter.open()) {
            Events events = new Events(writer);
            assertDoesNotThrow(() -> events.observation("KAZ", "CHN", "export", "2015", 1e9, "Fixture doc " + s, "Table 1"));
            assertDoesNotThrow(() -> events.asset("fixture-" + s, "Fixture crossing", 1,
                    "\"location\":{\"type\":\"Point\",\"coordinates\":[80.4,44.2]},\"capacity\":{\"value\":40,\"unit\":\"trains/day\"}"));
            assertDoesNotThrow(() -> events.status("fixture-" + s, "congested", "2024-01-01"));
            assertDoesNotThrow(() -> events.status("fixture-" + s, "open", "2024-02-01"));
            assertDoesNotThrow(() -> events.measurement("fixture-" + s, "crossing_time", 7.5, "h", "2024-06-01"));
            assertDoesNotThrow(() -> events.milestone("fixture-" + s, "Fixture target", "target", "2010", """
                    "targets":[{"metric":"total_trade","value":12,"unit":"billion_usd","deadline":"2014",
                                "tradeSeries":{"reporter":"KAZ","partner":"CHN","flow":"total","commodity":"TOTAL"}}]"""));
        }
    }

    @Test
    void theCheckRefusesAPayloadInAnotherSpelling() {
        // What the gateway's readers used to accept besides the contract: a status change saying "status"/"since".
        assertFalse(EventContract.violations("org.silkroad.corridor.status.changed.v1",
                "{\"assetId\":\"a\",\"status\":\"open\",\"since\":\"2024-01-01\",\"version\":1}").isEmpty());
        assertFalse(EventContract.violations("org.silkroad.corridor.measurement.recorded.v1",
                "{\"id\":\"m\",\"assetId\":\"a\",\"metric\":\"crossing_time\",\"value\":1,\"unit\":\"h\",\"measuredAt\":\"2024-01-01\",\"version\":1}").isEmpty());
    }
}
