package org.silkroad.trade.observation.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** What a client sends to record one observation. */
public record NewTradeObservation(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as KAZ") String reporter,
        @NotNull @Pattern(regexp = "[A-Z0-9_]{3,20}", message = "must be an ISO alpha-3 code or a group code such as CENTRAL_ASIA_5") String partner,
        @NotNull @Pattern(regexp = "export|import|re-export|re-import|total", message = "must be one of export, import, re-export, re-import, total") String flow,
        @NotNull @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2]))?", message = "must be a year (2015) or a month (2015-03)") String period,
        @NotNull @Pattern(regexp = "TOTAL|\\d{2}(\\d{2}(\\d{2})?)?", message = "must be TOTAL or an HS code of 2, 4 or 6 digits") String commodity,
        @Pattern(regexp = "H[0-6]|HS", message = "must be an HS vintage such as H4") String classification,
        @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 22, fraction = 2, message = MONEY_DIGITS) BigDecimal valueUsd,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 22, fraction = 2, message = MONEY_DIGITS) BigDecimal cifUsd,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 22, fraction = 2, message = MONEY_DIGITS) BigDecimal fobUsd,
        BigDecimal originalValue,
        @Size(max = 40) String originalUnit,
        @NotBlank(message = "must name the publication or document") @Size(max = 500) String sourceDocument,
        @Size(max = 500) String sourceStatement,
        @Size(max = 500) String sourceAgency,
        @Size(max = 4000) String note) {

    /** The money columns are NUMERIC(24, 2): a larger value is a 400 here, not a 500 from the database. */
    static final String MONEY_DIGITS = "must fit 22 digits before the point and 2 after";
}
