package org.silkroad.trade.release.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.EventContract;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;
import org.silkroad.testing.TopicProbe;
import org.silkroad.trade.release.format.ComtradeColumns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.silkroad.trade.release.api.Decimals.assertDecimal;

/** Comtrade+ JSON and CSV, legacy and bulk CSV: what is imported, what is refused and why, and what is published. */
@QuarkusTest
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "trade"))
class ComtradeImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        Uploads.exactNumbers();
    }

    @Test
    void aComtradePlusAnswerIsImportedPublishedAndShowsTheMirrorGap() {
        JsonPath release = Uploads.upload(Uploads.resource("/comtrade/plus-kaz-chn-2019.json"), "application/json", Map.of("published", "2020-07-01"))
                .statusCode(201).extract().jsonPath();
        String releaseId = release.getString("id");
        assertEquals("comtrade-plus-json", release.getString("format"));
        assertEquals(6, release.getLong("rowsRead"));
        assertEquals(6, release.getLong("inserted"));

        // The breakdown by mode of transport is kept but is not a totals row.
        given().queryParam("release", releaseId).get("/api/observations").then().statusCode(200).body("totalItems", equalTo(5));
        JsonPath all = given().queryParam("release", releaseId).queryParam("breakdowns", true).get("/api/observations").then().extract().jsonPath();
        assertEquals(6, all.getInt("totalItems"));
        assertTrue(all.getList("items.totalRow", Boolean.class).contains(false));
        JsonPath cars = given().queryParam("release", releaseId).queryParam("reporter", "KAZ").queryParam("commodity", "8703")
                .get("/api/observations").then().extract().jsonPath();
        assertEquals("H5", cars.getString("items[0].classification"));
        assertEquals(0, new BigDecimal("21000").compareTo(cars.getObject("items[0].quantity.value", BigDecimal.class)));
        assertEquals(398, cars.getInt("items[0].reporterM49"));

        // Mirror: KAZ imports from CHN against CHN exports to KAZ, per year and commodity.
        JsonPath mirror = given().queryParam("reporter", "KAZ").queryParam("partner", "CHN").queryParam("flow", "import")
                .queryParam("period", "2019").queryParam("source", "UN Comtrade+").get("/api/mirror").then().statusCode(200).extract().jsonPath();
        BigDecimal reported = new BigDecimal("6435000000");
        BigDecimal mirrored = new BigDecimal("12730000000.50");
        BigDecimal gap = reported.subtract(mirrored);
        assertEquals(0, gap.compareTo(mirror.getObject("find { it.commodity == 'TOTAL' }.gapUsd", BigDecimal.class)));
        assertEquals(0, gap.multiply(BigDecimal.valueOf(100)).divide(mirrored, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP)
                .compareTo(mirror.getObject("find { it.commodity == 'TOTAL' }.gapPct", BigDecimal.class)));
        assertEquals("CHN", mirror.getString("find { it.commodity == 'TOTAL' }.mirror.reporter"));
        assertEquals(0, new BigDecimal("-110000000").compareTo(mirror.getObject("find { it.commodity == '8703' }.gapUsd", BigDecimal.class)));

        try (TopicProbe probe = TopicProbe.fromBeginning("trade.observations.v1")) {
            List<String> ids = all.getList("items.id", String.class);
            List<ConsumerRecord<String, String>> events = probe.await(r -> ids.contains(r.key()), ids.size(), Duration.ofSeconds(30));
            assertEquals(ids.size(), events.size(), "one event per imported observation");
            for (ConsumerRecord<String, String> event : events) {
                assertEquals("org.silkroad.trade.observation.upserted.v1", TopicProbe.header(event, "ce_type"));
                assertEquals(List.of(), EventContract.violations("org.silkroad.trade.observation.upserted.v1", event.value()));
            }
        }
        try (TopicProbe probe = TopicProbe.fromBeginning("trade.releases.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(releaseId, 2, Duration.ofSeconds(30));
            assertEquals(List.of("org.silkroad.trade.release.started.v1", "org.silkroad.trade.release.completed.v1"),
                    events.stream().map(e -> TopicProbe.header(e, "ce_type")).toList());
            assertEquals(List.of("1", "2"), events.stream().map(e -> TopicProbe.header(e, "ce_aggregateversion")).toList());
            for (ConsumerRecord<String, String> e : events) {
                assertEquals(List.of(), EventContract.violations(TopicProbe.header(e, "ce_type"), e.value()));
            }
        }
    }

    @Test
    void comtradePlusCsvAndTheBulkLayoutAreImportedAndAnObsoleteCodeInItsTimeIsReported() {
        JsonPath plus = Uploads.upload(Uploads.resource("/comtrade/plus-kgz-2018.csv"), "text/csv", Map.of())
                .statusCode(201).extract().jsonPath();
        assertEquals("comtrade-plus-csv", plus.getString("format"));
        assertEquals(3, plus.getLong("inserted"));
        // 280 (Fed. Rep. of Germany) is fine for 1989: imported, and the release says it used an obsolete code.
        assertEquals(4L, plus.getLong("warnings[0].row"));
        assertTrue(plus.getString("warnings[0].reason").contains("obsolete country code 280"));
        given().queryParam("reporter", "KGZ").queryParam("period", "2018-03").get("/api/observations").then()
                .body("items[0].month", equalTo(3)).body("items[0].flow", equalTo("export"));

        JsonPath bulk = Uploads.upload(Uploads.resource("/comtrade/bulk-kgz-2012.csv"), "text/csv", Map.of())
                .statusCode(201).extract().jsonPath();
        assertEquals("comtrade-bulk-csv", bulk.getString("format"));
        assertEquals(3, bulk.getLong("inserted"));
        // flag 4 (net weight estimated) on a row without a net weight: no net weight is made up
        given().queryParam("reporter", "KGZ").queryParam("period", "2012").queryParam("flow", "export").get("/api/observations").then()
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0)).body("items[0].netWeight", equalTo(null));
        JsonPath knitwear = given().queryParam("reporter", "KGZ").queryParam("period", "2012-05").get("/api/observations").then()
                .extract().jsonPath();
        assertEquals("6110", knitwear.getString("items[0].commodity"));
        assertDecimal("1200", knitwear.get("items[0].quantity.value"));
        assertEquals("kg", knitwear.getString("items[0].quantity.unit"), "legacy unit code 8 is kg");
        assertEquals(true, knitwear.getBoolean("items[0].quantity.estimated"), "flag 2: quantity estimated");
    }

    @Test
    void aLegacyFileKeepsItsValuesQuantitiesAndBreakdownsAndKnowsItsTotalsRow() {
        JsonPath release = Uploads.upload(Uploads.resource("/comtrade/legacy-kaz-uzb-2014.csv"), "text/csv", Map.of())
                .statusCode(201).extract().jsonPath();
        assertEquals("comtrade-legacy-csv", release.getString("format"));
        assertEquals(4, release.getLong("inserted"));
        String id = release.getString("id");

        // Only the totals row (2nd partner World, customs C00, transport 0) and the annual TOTAL are read by default.
        JsonPath totals = given().queryParam("release", id).get("/api/observations").then().statusCode(200).extract().jsonPath();
        assertEquals(2, totals.getInt("totalItems"));
        assertEquals("2014-03", totals.getString("items.find { it.flow == 'import' }.period"));
        assertEquals("2014", totals.getString("items.find { it.flow == 'export' }.period"));
        JsonPath cotton = given().queryParam("release", id).queryParam("commodity", "5201").get("/api/observations")
                .then().extract().jsonPath();
        assertEquals(1, cotton.getInt("totalItems"));
        assertEquals(true, cotton.getBoolean("items[0].totalRow"));
        assertEquals(3, cotton.getInt("items[0].month"));
        assertEquals("UZB", cotton.getString("items[0].partner"));
        assertEquals(860, cotton.getInt("items[0].partnerM49"));
        assertDecimal("410000.5", cotton.get("items[0].valueUsd"));
        assertDecimal("410000.5", cotton.get("items[0].cifUsd"));
        assertDecimal("395000", cotton.get("items[0].fobUsd"));
        assertDecimal("250000", cotton.get("items[0].quantity.value"));
        assertEquals("kg", cotton.getString("items[0].quantity.unit"));
        assertEquals(true, cotton.getBoolean("items[0].quantity.estimated"), "flag 6: quantity estimated");
        assertEquals(true, cotton.getBoolean("items[0].netWeight.estimated"), "flag 6: net weight estimated");
        assertEquals("Cotton, not carded or combed", cotton.getString("items[0].commodityLabel"));

        // The customs-procedure and second-partner rows are breakdowns, kept with what sets them apart.
        JsonPath all = given().queryParam("release", id).queryParam("commodity", "5201").queryParam("breakdowns", true)
                .get("/api/observations").then().extract().jsonPath();
        assertEquals(3, all.getInt("totalItems"));
        assertDecimal("16000", all.get("items.find { it.customsCode == 'C01' }.valueUsd"));
        assertEquals(false, all.getBoolean("items.find { it.customsCode == 'C01' }.totalRow"));
        assertDecimal("32000", all.get("items.find { it.partner2 == 'RUS' }.valueUsd"));
        assertEquals(false, all.getBoolean("items.find { it.partner2 == 'RUS' }.totalRow"));

        JsonPath export = given().queryParam("release", id).queryParam("flow", "export").get("/api/observations").then().extract().jsonPath();
        assertEquals("TOTAL", export.getString("items[0].commodity"));
        assertDecimal("1234567890.12", export.get("items[0].valueUsd"));
        assertNull(export.get("items[0].cifUsd"));
        assertDecimal("1234567890.12", export.get("items[0].fobUsd"));
    }

    @Test
    void aLegacyFileWithBadRowsIsRefusedWholeWithEveryRowAndReason() {
        long before = total();
        JsonPath problem = Uploads.upload(Uploads.resource("/comtrade/legacy-invalid.csv"), "text/csv", Map.of())
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertEquals(3, problem.getInt("rowsRejected"));
        List<Map<String, Object>> rows = problem.getList("rows");
        assertRow(rows, 3, "partnerCode", "obsolete country code 280");
        assertRow(rows, 4, "flowCode", "unknown flow code '7'");
        assertRow(rows, 5, "primaryValue", "malformed number '12x3'");
        assertTrue(problem.getList("violations.message", String.class).contains("row 4: unknown flow code '7'; expected 1 (Import), 2 (Export), 3 (Re-export) or 4 (Re-import)"));
        assertEquals(before, total(), "all or nothing: not even the good rows are imported");

        String releaseId = problem.getString("releaseId");
        given().get("/api/releases/" + releaseId).then().body("status", equalTo("failed")).body("rowsRejected", equalTo(3));
        try (TopicProbe probe = TopicProbe.fromBeginning("trade.releases.v1")) {
            List<ConsumerRecord<String, String>> events = probe.awaitKey(releaseId, 2, Duration.ofSeconds(30));
            assertEquals("org.silkroad.trade.release.failed.v1", TopicProbe.header(events.get(1), "ce_type"));
            assertEquals(List.of(), EventContract.violations("org.silkroad.trade.release.failed.v1", events.get(1).value()));
        }
    }

    @Test
    void unknownColumnsMalformedJsonAndTooLargeFilesAreRefused() {
        Uploads.upload("year,indicator,value,colour\n2010,total_trade,1,red\n".getBytes(StandardCharsets.UTF_8), "text/csv", Map.of())
                .statusCode(400).body("violations.field", hasItem("body")).body("detail", containsString("row 1"));
        Uploads.upload("Classification,Year,Bogus\nH4,2010,1\n".getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("format", "comtrade-legacy-csv"))
                .statusCode(400).body("rows[0].row", equalTo(1)).body("detail", containsString("rejected"))
                .body("rows[0].reason", containsString("unknown columns: [Bogus]"));
        Uploads.upload("{\"elapsedTime\":1,\"count\":1,\"data\":[{\"typeCode\":".getBytes(StandardCharsets.UTF_8), "application/json", Map.of())
                .statusCode(400).body("rows[0].reason", containsString("not valid JSON"));
        Uploads.upload("{\"count\":0,\"data\":[],\"error\":\"quota exceeded\"}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of())
                .statusCode(400).body("rows[0].reason", containsString("quota exceeded"));
        byte[] large = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'x');
        Uploads.upload(large, "text/csv", Map.of()).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aComtradePlusAnswerWhoseCountDiffersFromItsRecordsIsRefused() {
        Uploads.upload(plusAnswer(5, plusRecord()), "application/json", Map.of())
                .statusCode(400).contentType("application/problem+json")
                .body("rows[0].row", equalTo(0)).body("rows[0].reason", equalTo("count is 5 but 1 rows were read from data"));
        Uploads.upload("{\"elapsedTime\":1,\"data\":[],\"error\":null}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of())
                .statusCode(400).body("rows[0].reason", containsString("no count"));
    }

    @Test
    void aComtradePlusRecordMissingFieldsIsRefusedNamingEachOne() {
        ObjectNode record = plusRecord();
        record.remove(List.of("partner2Code", "customsCode", "motCode", "fobvalue"));
        JsonPath problem = Uploads.upload(plusAnswer(1, record), "application/json", Map.of())
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        List<Map<String, Object>> rows = problem.getList("rows");
        assertEquals(4, rows.size(), () -> "one problem per missing field: " + rows);
        for (String field : List.of("partner2Code", "customsCode", "motCode", "fobvalue")) {
            assertRow(rows, 1, field, "missing");
        }
    }

    @Test
    void anEmptyBreakdownCodeInComtradePlusIsRefusedInsteadOfMadeATotal() {
        JsonPath json = Uploads.upload(plusAnswer(3, plusRecord().putNull("partner2Code"), plusRecord().putNull("customsCode"),
                plusRecord().putNull("motCode")), "application/json", Map.of()).statusCode(400).extract().jsonPath();
        List<Map<String, Object>> rows = json.getList("rows");
        assertEquals(3, rows.size(), () -> rows.toString());
        assertRow(rows, 1, "partner2Code", "is required");
        assertRow(rows, 2, "customsCode", "is required");
        assertRow(rows, 3, "motCode", "is required");

        String csv = plusCsv().replace(",0,0,TOTAL MOT,", ",0,,TOTAL MOT,");
        JsonPath plusCsv = Uploads.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of()).statusCode(400).extract().jsonPath();
        assertEquals(3, plusCsv.getInt("rowsRejected"));
        assertRow(plusCsv.getList("rows"), 2, "motCode", "is required");
    }

    @Test
    void aRefMonthThatDisagreesWithThePeriodIsRefusedInJsonAndCsv() {
        ObjectNode annual = plusRecord().put("refMonth", 3);
        ObjectNode monthly = plusRecord().put("freqCode", "M").put("refPeriodId", 20190501).put("period", "201905").put("refMonth", 4);
        JsonPath json = Uploads.upload(plusAnswer(2, annual, monthly), "application/json", Map.of()).statusCode(400).extract().jsonPath();
        List<Map<String, Object>> rows = json.getList("rows");
        assertEquals(2, rows.size(), () -> rows.toString());
        assertRow(rows, 1, "refMonth", "refMonth 3 on an annual row (freqCode A); annual rows have refMonth 52");
        assertRow(rows, 2, "refMonth", "refMonth 4 differs from the month of period '201905' (5)");

        String csv = plusCsv().replace(",2018,52,2018,", ",2018,12,2018,").replace(",2018,3,201803,", ",2018,4,201803,");
        JsonPath plusCsv = Uploads.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of()).statusCode(400).extract().jsonPath();
        assertEquals(2, plusCsv.getInt("rowsRejected"));
        assertRow(plusCsv.getList("rows"), 2, "refMonth", "refMonth 12 on an annual row");
        assertRow(plusCsv.getList("rows"), 3, "refMonth", "refMonth 4 differs from the month of period '201803' (3)");
    }

    @Test
    void anErrorWrittenAsAnObjectOrAnArrayRefusesTheAnswerWithItsText() {
        Uploads.upload("{\"elapsedTime\":1,\"count\":0,\"error\":{\"code\":429,\"message\":\"quota exceeded\"},\"data\":[]}"
                        .getBytes(StandardCharsets.UTF_8), "application/json", Map.of())
                .statusCode(400).body("rows[0].reason", containsString("reports an error"))
                .body("rows[0].reason", containsString("quota exceeded")).body("rows[0].reason", containsString("429"));
        Uploads.upload("{\"elapsedTime\":1,\"count\":0,\"data\":[],\"error\":[\"service unavailable\"]}".getBytes(StandardCharsets.UTF_8),
                        "application/json", Map.of())
                .statusCode(400).body("rows[0].reason", containsString("service unavailable"));
    }

    @Test
    void comtradePlusCsvCodesWrittenAsDecimalsCompareAsNumbers() {
        String source = "decimal codes " + UUID.randomUUID();
        String[] lines = plusCsv().split("\n");
        String total = lines[1].replace(",0,W00,World,", ",0.0,W00,World,").replace(",0,0,TOTAL MOT,", ",0,0.0,TOTAL MOT,")
                .replace("\"Apparel, knitted\"", source);
        String byRoad = total.replace(",0.0,TOTAL MOT,", ",3000.0,Road,").replace("123456789.12", "1000");
        JsonPath release = Uploads.upload((lines[0] + "\n" + total + "\n" + byRoad + "\n").getBytes(StandardCharsets.UTF_8), "text/csv",
                Map.of("source", source)).statusCode(201).extract().jsonPath();
        assertEquals(2, release.getLong("inserted"));

        // partner2Code 0.0 is World and motCode 0.0 the total: the row is the totals row, not a breakdown.
        JsonPath totals = given().queryParam("source", source).get("/api/observations").then().statusCode(200).extract().jsonPath();
        assertEquals(1, totals.getInt("totalItems"));
        assertEquals(true, totals.getBoolean("items[0].totalRow"));
        assertEquals("0", totals.getString("items[0].transportMode"));
        JsonPath all = given().queryParam("source", source).queryParam("breakdowns", true).get("/api/observations").then().extract().jsonPath();
        assertEquals(2, all.getInt("totalItems"));
        assertEquals(false, all.getBoolean("items.find { it.transportMode == '3000' }.totalRow"));
    }

    @Test
    void legacyQuantityUnitOneMeansNoQuantity() {
        String source = "legacy no quantity " + UUID.randomUUID();
        String bulk = String.join(",", ComtradeColumns.BULK) + "\n"
                + "H4,2013,2013,2013,4,0,1,Import,417,Kyrgyzstan,KGZ,156,China,CHN,6110," + source + ",1,No Quantity,0,,5000,2\n";
        Uploads.upload(bulk.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201);
        String legacy = String.join(",", ComtradeColumns.LEGACY) + "\n"
                + "H4,2013,2013,2013,4,0,2,Export,417,Kyrgyzstan,KGZ,156,China,CHN,0,World,W00,C00,All CPCs,0,All MOTs,6110," + source
                + ",1,No Quantity,0,,,,,,7000,,7000,0\n";
        Uploads.upload(legacy.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("source", source)).statusCode(201);

        JsonPath imported = given().queryParam("source", source).get("/api/observations").then().statusCode(200).extract().jsonPath();
        assertEquals(2, imported.getInt("totalItems"));
        assertNull(imported.get("items.find { it.flow == 'import' }.quantity"), "bulk layout: unit 1 is no quantity, not 0 of it");
        assertNull(imported.get("items.find { it.flow == 'export' }.quantity"), "35-column layout: unit 1 is no quantity, not 0 of it");
        assertDecimal("5000", imported.get("items.find { it.flow == 'import' }.valueUsd"));
        assertDecimal("7000", imported.get("items.find { it.flow == 'export' }.valueUsd"));
    }

    @Test
    void onlyEditorsImport() {
        byte[] file = ("year,country,value,unit,source,note\n2001,CENTRAL_ASIA_5,1,million_usd,auth " + UUID.randomUUID() + ",\n").getBytes(StandardCharsets.UTF_8);
        given().contentType("text/csv").body(file).post("/api/releases").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType("text/csv").body(file).post("/api/releases").then().statusCode(403);
    }

    /** The first record of the KAZ–CHN answer (an annual totals row), to change one thing at a time. */
    private static ObjectNode plusRecord() {
        try {
            return (ObjectNode) JSON.readTree(Uploads.resource("/comtrade/plus-kaz-chn-2019.json")).get("data").get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Comtrade+ answer stating {@code count} records around these. */
    private static byte[] plusAnswer(long count, ObjectNode... records) {
        ObjectNode answer = JSON.createObjectNode().put("elapsedTime", "0.1 secs").put("count", count);
        answer.putArray("data").addAll(List.of(records));
        answer.putNull("error");
        try {
            return JSON.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Comtrade+ CSV fixture: annual row on line 2, monthly (March) on line 3, 1989 on line 4. */
    private static String plusCsv() {
        return new String(Uploads.resource("/comtrade/plus-kgz-2018.csv"), StandardCharsets.UTF_8);
    }

    private static void assertRow(List<Map<String, Object>> rows, int row, String field, String reason) {
        assertTrue(rows.stream().anyMatch(r -> ((Number) r.get("row")).intValue() == row && field.equals(r.get("field"))
                && String.valueOf(r.get("reason")).contains(reason)), () -> "row " + row + " " + field + " not in " + rows);
    }

    private static long total() {
        return ((Number) given().queryParam("breakdowns", true).get("/api/observations").then().statusCode(200).extract().path("totalItems")).longValue();
    }
}
