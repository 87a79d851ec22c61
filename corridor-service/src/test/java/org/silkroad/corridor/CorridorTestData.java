package org.silkroad.corridor;

import io.restassured.http.ContentType;
import org.silkroad.testing.Tokens;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Writes test data through the API as an editor; ids get a random suffix because the database outlives a class. */
public final class CorridorTestData {

    private CorridorTestData() {
    }

    public static String uniqueId(String stem) {
        return stem + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    /** Registers an asset from a JSON body whose "id" is %s. */
    public static String asset(String stem, String bodyWithIdPlaceholder) {
        String id = uniqueId(stem);
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(bodyWithIdPlaceholder.formatted(id))
                .when().post("/api/assets")
                .then().statusCode(201);
        return id;
    }

    public static String crossing(String stem) {
        return asset(stem, """
                {"id":"%s","name":"Test crossing","kind":"border_crossing","countries":["CN","KZ"],"mode":"road",
                 "location":{"type":"Point","coordinates":[80.41,44.21],"approximate":true}}
                """);
    }

    public static void measurement(String json) {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(json)
                .when().post("/api/measurements")
                .then().statusCode(201);
    }

    /** A number within {@code tolerance} of {@code expected}, whatever type the JSON parser chose (Float, Double). */
    public static org.hamcrest.Matcher<Object> near(double expected, double tolerance) {
        return new org.hamcrest.BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof Number n && Math.abs(n.doubleValue() - expected) <= tolerance;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a number within " + tolerance + " of " + expected);
            }
        };
    }
}
