package org.silkroad.trade.analysis.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

/** Every bad query parameter is a 400 problem naming it, never a 500, a bare 404 or a silently empty answer. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class BadQueryParametersTest {

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource({
            "/api/observations, asOf, 2021-02-30",
            "/api/series, asOf, 2021-02-30",
            "/api/observations, asOf, +12021-01-01",
            "/api/observations, from, abc",
            "/api/observations, to, 1492",
            "/api/observations, release, abc",
            "/api/observations, period, 2019-13",
            "/api/observations, breakdowns, maybe",
            "/api/indicators/structure?reporter=KAZ&partner=CHN, top, abc",
            "/api/indicators/structure?reporter=KAZ&partner=CHN, top, 0",
            "/api/checks, kind, BOGUS",
            "/api/observations/00000000-0000-0000-0000-000000000001, asOf, 2021-02-30",
    })
    void aBadValueIsAProblemNamingItsParameter(String path, String parameter, String value) {
        given().queryParam(parameter, value).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.endsWith(parameter)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/observations", "/api/indicators/growth?reporter=KAZ&partner=CHN&flow=import"})
    void aRangeEndingBeforeItStartsIsAProblemNamingTo(String path) {
        given().queryParam("from", 2020).queryParam("to", 2010).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("to"));
    }

    @org.junit.jupiter.api.Test
    void aCommodityStructureWithoutAFlowIsAProblemNamingFlow() {
        given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").get("/api/indicators/structure").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("flow"));
    }

    @ParameterizedTest(name = "published={0}")
    @CsvSource({"2021-02-30", "2021-1-5"})
    void aReleaseWithAnImpossiblePublicationDateIsAProblemNamingPublished(String published) {
        given().auth().oauth2(Tokens.editor()).contentType("text/csv").queryParam("published", published)
                .body("Classification,Year\n").post("/api/releases").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.endsWith("published")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"valueUsd", "cifUsd", "fobUsd"})
    void aMoneyValueTooLargeForItsColumnIsAProblemNamingTheField(String field) {
        String body = """
                {"reporter":"KAZ","partner":"CHN","flow":"import","period":"2015","commodity":"TOTAL",
                 "sourceDocument":"too large","valueUsd":%s%s}""".formatted(field.equals("valueUsd") ? "1e30" : "1",
                field.equals("valueUsd") ? "" : ",\"" + field + "\":1e30");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(body).post("/api/observations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.endsWith(field)));
    }
}
