package org.silkroad.policy.milestone.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The orders dates must respect: a period does not end before it starts, and a lifecycle step does not come before
 * the one it follows (in force before signed). Fuzzy dates only clash when they certainly do: "2016" and "2016-03"
 * may be the same day, "2015" is certainly before "2016-03".
 */
public final class DateOrder {

    /** One broken order, by the API field name of the later date. */
    public record Violation(String field, String message) {
    }

    private static final List<String> STARTS = List.of("announced", "signed", "inForce");
    private static final List<String> ENDS = List.of("completed", "expired", "superseded", "withdrawn");

    private DateOrder() {
    }

    public static List<Violation> check(String date, String dateEnd, LifecycleDates lifecycle) {
        List<Violation> violations = new ArrayList<>();
        if (date != null && dateEnd != null && PartialDate.of(dateEnd).certainlyBefore(PartialDate.of(date))) {
            violations.add(new Violation("dateEnd", "must not be before date (" + date + ")"));
        }
        Map<String, String> dates = lifecycle.byField();
        // Each start must not precede an earlier start; each end must not precede any start.
        for (int later = 1; later < STARTS.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                compare(dates, STARTS.get(earlier), STARTS.get(later)).ifPresent(violations::add);
            }
        }
        for (String end : ENDS) {
            for (String start : STARTS) {
                compare(dates, start, end).ifPresent(violations::add);
            }
        }
        return violations;
    }

    private static java.util.Optional<Violation> compare(Map<String, String> dates, String earlierField, String laterField) {
        String earlier = dates.get(earlierField);
        String later = dates.get(laterField);
        if (earlier == null || later == null || !PartialDate.of(later).certainlyBefore(PartialDate.of(earlier))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Violation("lifecycle." + laterField,
                "must not be before " + earlierField + " (" + earlier + ")"));
    }
}
