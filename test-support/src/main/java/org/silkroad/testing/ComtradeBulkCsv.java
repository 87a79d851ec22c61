package org.silkroad.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A legacy bulk Comtrade CSV (the 22-column variant) of any size for the import benchmarks: five Central Asian
 * reporters, twenty partners, both flows, twenty years, then ever more HS subheadings, so every row is a figure of its
 * own. Values vary by row so that compression and comparison see realistic data, not one repeated record.
 */
public final class ComtradeBulkCsv {

    private static final int[] REPORTERS = {398, 417, 762, 795, 860};
    private static final int[] PARTNERS = {156, 643, 276, 840, 392, 410, 356, 792, 364, 4, 31, 51, 112, 268, 496, 586, 804, 826, 250, 380};

    private ComtradeBulkCsv() {
    }

    public static void write(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,"
                    + "Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),"
                    + "Trade Value (US$),Flag\n");
            int written = 0;
            outer:
            for (int commodity = 0; ; commodity++) {
                String code = (commodity % 2 == 0 ? "84" : "85") + "%04d".formatted(101 + commodity / 2);
                for (int reporter : REPORTERS) {
                    for (int partner : PARTNERS) {
                        for (int flow = 1; flow <= 2; flow++) {
                            for (int year = 2000; year < 2020; year++) {
                                if (written++ == rows) {
                                    break outer;
                                }
                                long value = 1000L + (written * 7919L) % 100_000_000L;
                                w.write("H4," + year + "," + year + "," + year + ",6,1," + flow + "," + (flow == 1 ? "Import" : "Export") + ","
                                        + reporter + ",R,," + partner + ",P,," + code + ",Machinery,8,kg," + (value / 10) + "," + (value / 7)
                                        + "," + value + ",0\n");
                            }
                        }
                    }
                }
            }
        }
    }
}
