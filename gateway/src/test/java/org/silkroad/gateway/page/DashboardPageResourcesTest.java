package org.silkroad.gateway.page;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's scripts and stylesheets are the gateway's own and all serve: in particular ECharts from the
 * org.mvnpm:echarts jar, whose version is part of the path in index.html, so a version bump of the BOM that the page
 * does not follow fails here (also where no browser is installed to run DashboardPageBrowserTest).
 */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
class DashboardPageResourcesTest {

    private static final Pattern REFERENCE = Pattern.compile("<(script|link)\\b[^>]*?\\b(src|href)=\"([^\"]+)\"");

    @Test
    void everyScriptAndStylesheetOfThePageIsServedByTheGatewayItself() {
        String html = given().get("/").then().statusCode(200).contentType("text/html").extract().asString();
        List<String> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            references.add(m.group(3));
        }
        assertTrue(references.stream().anyMatch(r -> r.matches("_static/echarts/[0-9.]+/dist/echarts\\.min\\.js")),
                "ECharts from the jar: " + references);
        assertTrue(references.containsAll(List.of("dashboard.js", "dashboard.css")), "the page's own files: " + references);
        for (String reference : references) {
            if (reference.startsWith("data:")) {
                continue; // inline (the empty favicon), nothing to fetch
            }
            assertFalse(reference.matches("^([a-z]+:)?//.*"), "relative to the gateway, no other host: " + reference);
            Response answer = given().get("/" + reference);
            assertEquals(200, answer.statusCode(), reference);
            String type = answer.contentType();
            assertTrue(reference.endsWith(".css") ? type.startsWith("text/css") : type.contains("javascript"),
                    reference + " served as " + type);
            assertTrue(answer.asByteArray().length > (reference.contains("echarts") ? 500_000 : 1_000), reference + " has content");
        }
    }
}
