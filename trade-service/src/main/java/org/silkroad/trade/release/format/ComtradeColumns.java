package org.silkroad.trade.release.format;

import java.util.List;
import java.util.Map;

/** The columns of the Comtrade formats, and how the legacy names map to the Comtrade+ ones the mapper reads. */
public final class ComtradeColumns {

    /** Comtrade+ record fields, in the order of the API answer. */
    public static final List<String> PLUS = List.of("typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period",
            "reporterCode", "reporterISO", "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc",
            "partner2Code", "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode",
            "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode",
            "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr",
            "altQty", "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue",
            "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate");

    public static final List<String> LEGACY = List.of("Classification", "Year", "Period", "Period Desc.", "Aggregate Level",
            "Is Leaf Code", "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code",
            "Partner", "Partner ISO", "2nd Partner Code", "2nd Partner", "2nd Partner ISO", "Customs Proc. Code", "Customs",
            "Mode of Transport Code", "Mode of Transport", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty",
            "Alt Qty Unit Code", "Alt Qty Unit", "Alt Qty", "Netweight (kg)", "Gross weight (kg)", "Trade Value (US$)",
            "CIF Trade Value (US$)", "FOB Trade Value (US$)", "Flag");

    public static final List<String> BULK = List.of("Classification", "Year", "Period", "Period Desc.", "Aggregate Level",
            "Is Leaf Code", "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code",
            "Partner", "Partner ISO", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Netweight (kg)",
            "Trade Value (US$)", "Flag");

    /** Legacy column → the Comtrade+ field the mapper reads; legacy-only ones keep their own name. */
    public static final Map<String, String> LEGACY_TO_PLUS = Map.ofEntries(
            Map.entry("Classification", "classificationCode"), Map.entry("Year", "refYear"), Map.entry("Period", "period"),
            Map.entry("Trade Flow Code", "flowCode"), Map.entry("Reporter Code", "reporterCode"),
            Map.entry("Reporter ISO", "reporterISO"), Map.entry("Partner Code", "partnerCode"),
            Map.entry("Partner ISO", "partnerISO"), Map.entry("2nd Partner Code", "partner2Code"),
            Map.entry("Customs Proc. Code", "customsCode"), Map.entry("Mode of Transport Code", "motCode"),
            Map.entry("Commodity Code", "cmdCode"), Map.entry("Commodity", "cmdDesc"), Map.entry("Qty Unit Code", "qtyUnitCode"),
            Map.entry("Qty Unit", "qtyUnitAbbr"), Map.entry("Qty", "qty"), Map.entry("Netweight (kg)", "netWgt"),
            Map.entry("Trade Value (US$)", "primaryValue"), Map.entry("CIF Trade Value (US$)", "cifvalue"),
            Map.entry("FOB Trade Value (US$)", "fobvalue"), Map.entry("Flag", "legacyFlag"));

    private ComtradeColumns() {
    }
}
