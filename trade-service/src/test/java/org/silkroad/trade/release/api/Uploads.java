package org.silkroad.trade.release.api;

import io.restassured.response.ValidatableResponse;
import org.silkroad.testing.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Sends files to {@code POST /api/releases} as an editor would. */
public final class Uploads {

    /** The header of the legacy bulk Comtrade CSV (22 columns), for files written inline by tests. */
    public static final String BULK_HEADER = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
            + "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,"
            + "Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\n";

    private Uploads() {
    }

    /** Reads JSON numbers as BigDecimal, so money compares exactly instead of through float. */
    public static void exactNumbers() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    public static byte[] resource(String path) {
        try (InputStream in = Uploads.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ValidatableResponse upload(byte[] body, String contentType, Map<String, ?> query) {
        return given().auth().oauth2(Tokens.editor()).contentType(contentType).body(body).queryParams(query)
                .when().post("/api/releases").then();
    }

    /** The shipped dataset, through the same endpoint a user takes; answers the three release ids. */
    public static String[] dataset() {
        String[] ids = new String[3];
        String[] files = {"kz_cn_annual.csv", "kz_imports_from_cn_by_commodity.csv", "cn_central_asia.csv"};
        for (int i = 0; i < files.length; i++) {
            ids[i] = upload(resource("/dataset/" + files[i]), "text/csv", Map.of("fileName", files[i], "published", "2024-01-01"))
                    .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                    .extract().path("id");
        }
        return ids;
    }
}
