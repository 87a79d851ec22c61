package org.silkroad.gateway.dashboard.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class OverviewResourceTest {

    @Test
    void theOverviewListsEveryOwningServiceEvenBeforeItsFirstEvent() {
        given().get("/api/dashboard/overview").then().statusCode(200)
                .body("asOf", notNullValue())
                .body("sources.source", hasItems("trade", "corridor", "policy"))
                .body("sources.find { it.source == 'policy' }.aggregates", notNullValue());
    }

    @Test
    void anUnchangedOverviewAnswersNotModifiedToItsETag() {
        String etag = given().get("/api/dashboard/overview").then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/dashboard/overview").then().statusCode(304);
    }

    @Test
    void anUnknownTopicInTheReadModelIsANotFoundProblem() {
        given().get("/api/read-model/no.such.topic/x").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
