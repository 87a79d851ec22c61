package org.silkroad.trade.analysis.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.trade.release.api.Uploads;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mirror view shows every figure of each side, the gap of every pair, and the preferred pair's gap. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class MirrorViewTest {

    static {
        Uploads.exactNumbers();
    }

    @Test
    void everyFigureOfEachSideIsListedWithTheGapOfEachPair() {
        String tag = "mirror-" + UUID.randomUUID();
        upload("1,Import,860,Uzbekistan,UZB,792,Turkiye,TUR", "1000", tag + " customs A");
        upload("1,Import,860,Uzbekistan,UZB,792,Turkiye,TUR", "1100", tag + " statistics B");
        upload("2,Export,792,Turkiye,TUR,860,Uzbekistan,UZB", "900", tag + " partner C");

        JsonPath mirror = given().queryParam("reporter", "UZB").queryParam("partner", "TUR").queryParam("flow", "import")
                .queryParam("source", tag).get("/api/mirror").then().statusCode(200).extract().jsonPath();
        assertEquals(1, mirror.getList("$").size());
        assertEquals("8701", mirror.getString("[0].commodity"));
        assertEquals(List.of(tag + " statistics B", tag + " customs A"), mirror.getList("[0].reportedFigures.source", String.class),
                "both statements of the reporter, the most recently recorded first");
        assertEquals(List.of(tag + " partner C"), mirror.getList("[0].mirrorFigures.source", String.class));
        assertEquals(List.of(new BigDecimal("200.00"), new BigDecimal("100.00")),
                mirror.getList("[0].pairs.gapUsd", BigDecimal.class).stream().map(g -> g.setScale(2)).toList());
        // The preferred pair: the newest figure of each side.
        assertEquals(0, new BigDecimal("200").compareTo(mirror.getObject("[0].gapUsd", BigDecimal.class)));
        assertEquals(0, new BigDecimal("22.2222").compareTo(mirror.getObject("[0].gapPct", BigDecimal.class)));
        assertEquals(tag + " statistics B", mirror.getString("[0].reported.source"));
    }

    @Test
    void aReExportIsMirroredByThePartnersImportsNotItsReImports() {
        String tag = "mirror-re-" + UUID.randomUUID();
        upload("3,Re-Export,860,Uzbekistan,UZB,792,Turkiye,TUR", "500", tag + " re-export");
        upload("1,Import,792,Turkiye,TUR,860,Uzbekistan,UZB", "450", tag + " import");
        upload("4,Re-Import,792,Turkiye,TUR,860,Uzbekistan,UZB", "7", tag + " re-import");

        JsonPath mirror = given().queryParam("reporter", "UZB").queryParam("partner", "TUR").queryParam("flow", "re-export")
                .queryParam("source", tag).get("/api/mirror").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(tag + " import"), mirror.getList("[0].mirrorFigures.source", String.class));
        assertEquals(0, new BigDecimal("50").compareTo(mirror.getObject("[0].gapUsd", BigDecimal.class)));
    }

    private static void upload(String flowAndPair, String value, String source) {
        String csv = Uploads.BULK_HEADER
                + "H4,2014,2014,2014,4,0," + flowAndPair + ",8701,Tractors,,,,," + value + ",0\n";
        Uploads.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201);
    }
}
