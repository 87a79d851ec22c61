package org.silkroad.corridor;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "corridor"))
class OpenApiDocumentTest {

    @Test
    void theOpenApiDocumentDescribesEveryEndpointGroup() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/assets/import"))
                .body(containsString("/api/assets/{id}/thresholds"))
                .body(containsString("/api/measurements/import"))
                .body(containsString("/api/crossings/ranking"))
                .body(containsString("/api/map/assets"))
                .body(containsString("/api/units/convert"));
    }
}
