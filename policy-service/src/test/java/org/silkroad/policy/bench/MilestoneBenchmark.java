package org.silkroad.policy.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.silkroad.testing.ObservatoryTestResource;
import org.silkroad.testing.Tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Prints figures, asserts none: imports 100,000 milestones through {@code POST /api/milestones/import}, then measures
 * timeline queries and full-text searches over them (p50/p99). Not part of the default run; see the module README.
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(value = ObservatoryTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "policy"))
class MilestoneBenchmark {

    private static final int MILESTONES = Integer.getInteger("bench.milestones", 100_000);
    private static final int PER_REQUEST = 5_000;
    private static final int SAMPLES = 300;
    private static final String[] CATEGORIES = {"event", "programme", "strategy", "agreement", "joint_statement",
            "partnership_level", "institution", "border", "target"};
    private static final String[] ACTORS = {"CN", "KZ", "KG", "TJ", "UZ", "TM", "RU", "bilateral", "SCO", "EAEU", "Central_Asia"};
    private static final String[] WORDS = {"railway", "pipeline", "border", "customs", "trade", "energy", "highway", "port",
            "agreement", "cooperation", "investment", "logistics", "corridor", "Khorgos", "Alashankou", "Nurly", "Zhol",
            "Belt", "Road", "Silk", "Astana", "Almaty", "Urumqi", "Xinjiang", "oil", "gas", "transit", "zone", "summit"};

    private final Random random = new Random(42);
    private final List<String> report = new ArrayList<>();

    @Test
    void timelineAndSearchOverOneHundredThousandMilestones() throws IOException {
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        for (int from = 0; from < MILESTONES; from += PER_REQUEST) {
            StringJoiner file = new StringJoiner(",", "[", "]");
            for (int n = from; n < Math.min(MILESTONES, from + PER_REQUEST); n++) {
                file.add(milestone("bench-" + run + "-" + n));
            }
            given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body(file.toString())
                    .when().post("/api/milestones/import").then().statusCode(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print("import: %,d milestones in %.1f s = %,.0f milestones/s (%,d per request, with revisions and outbox events)"
                .formatted(MILESTONES, seconds, MILESTONES / seconds, PER_REQUEST));

        measure("timeline, actor + years", () -> given().queryParam("actor", pick(ACTORS))
                .queryParam("from", 1990 + random.nextInt(30)).queryParam("to", 2000 + random.nextInt(30)));
        measure("timeline, category + actor + status at a day", () -> given().queryParam("category", pick(CATEGORIES))
                .queryParam("actor", pick(ACTORS)).queryParam("status", "in_force")
                .queryParam("at", "%d-06-01".formatted(1995 + random.nextInt(30))));
        measure("timeline, text filter", () -> given().queryParam("q", pick(WORDS)).queryParam("from", 2000 + random.nextInt(20)));
        measureSearch("full-text search, one word", () -> pick(WORDS));
        measureSearch("full-text search, two words", () -> pick(WORDS) + " " + pick(WORDS));
        measureSearch("full-text search, \"Nurly Zhol\"", () -> "Nurly Zhol");

        Path out = Path.of("target", "policy-benchmark.txt");
        Files.write(out, report);
        System.out.println(String.join(System.lineSeparator(), report));
    }

    private void measure(String what, Supplier<io.restassured.specification.RequestSpecification> request) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 20; i++) {
            io.restassured.specification.RequestSpecification spec = request.get().queryParam("size", 50);
            long t = System.nanoTime();
            spec.when().get("/api/milestones").then().statusCode(200);
            if (i >= 20) {
                micros.add((System.nanoTime() - t) / 1000);
            }
        }
        summarise(what, micros);
    }

    private void measureSearch(String what, Supplier<String> query) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 20; i++) {
            String q = query.get();
            long t = System.nanoTime();
            given().queryParam("q", q).queryParam("size", 20).when().get("/api/milestones/search").then().statusCode(200);
            if (i >= 20) {
                micros.add((System.nanoTime() - t) / 1000);
            }
        }
        summarise(what, micros);
    }

    private void summarise(String what, List<Long> micros) {
        Collections.sort(micros);
        print("%-48s p50 %6.1f ms   p99 %6.1f ms   (%d requests, page of 50/20, over HTTP)".formatted(what,
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0, micros.size()));
    }

    private void print(String line) {
        report.add(line);
    }

    private String milestone(String id) {
        int year = 1950 + random.nextInt(80);
        String date = random.nextBoolean() ? Integer.toString(year) : "%d-%02d".formatted(year, 1 + random.nextInt(12));
        String lifecycle = switch (random.nextInt(3)) {
            case 0 -> "{\"signed\":\"%d\"}".formatted(year);
            case 1 -> "{\"inForce\":\"%d\",\"expired\":\"%d\"}".formatted(year, year + 1 + random.nextInt(20));
            default -> "{}";
        };
        return """
                {"id":"%s","title":"%s %s %s","category":"%s","date":"%s","actors":["%s","%s"],
                 "summary":"%s","notes":"%s","source":["bench.txt, %d"],"lifecycle":%s}"""
                .formatted(id, pick(WORDS), pick(WORDS), pick(WORDS), pick(CATEGORIES), date, pick(ACTORS), pick(ACTORS),
                        sentence(12), sentence(6), year, lifecycle);
    }

    private String sentence(int words) {
        StringJoiner s = new StringJoiner(" ");
        for (int i = 0; i < words; i++) {
            s.add(pick(WORDS));
        }
        return s.toString();
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }
}
