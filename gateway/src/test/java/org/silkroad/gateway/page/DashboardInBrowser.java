package org.silkroad.gateway.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.silkroad.testing.ChartLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the dashboard page holds in the browser, read from ECharts itself ({@code getInstanceByDom(el).getOption()}),
 * and what the gateway's JSON views say it should hold, in the same comparable form: a chart is right when the two
 * sets are equal, whatever the drawing looks like.
 */
final class DashboardInBrowser {

    /** The option of the chart in {@code #<figure id> .chart}, reduced to what the checks compare; null before it exists. */
    private static final String CHART = """
            const chart = window.echarts && echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart'));
            if (!chart) return null;
            const o = chart.getOption();
            const arr = x => x == null ? [] : Array.isArray(x) ? x : [x];
            return {
              series: arr(o.series).filter(s => s).map(s => ({id: String(s.id), name: s.name || '', type: s.type,
                data: arr(s.data).filter(d => d).map(d => ({x: d.value ? d.value[0] : null, y: d.value ? d.value[1] : null,
                  coords: d.coords || null, id: d.id || null, tip: d.tip || '', conflict: !!d.conflict}))})),
              xAxis: arr(o.xAxis).map(a => ({name: a.name || '', type: a.type})),
              yAxis: arr(o.yAxis).map(a => ({name: a.name || '', type: a.type})),
              legend: arr(o.legend).flatMap(l => arr(l.data)).map(d => typeof d === 'string' ? d : d.name),
              aria: arr(o.aria).some(a => a.enabled),
              ariaLabel: chart.getDom().getAttribute('aria-label') || ''
            };""";

    private final JavascriptExecutor js;

    DashboardInBrowser(WebDriver browser) {
        this.js = (JavascriptExecutor) browser;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> chart(String figure) {
        return (Map<String, Object>) js.executeScript(CHART, figure);
    }

    ChartLabels.Overlaps overlaps(String figure) {
        return ChartLabels.overlaps(js, figure);
    }

    /** The tick values ECharts computed for the chart's first y axis. */
    @SuppressWarnings("unchecked")
    List<Number> yTicks(String figure) {
        return (List<Number>) js.executeScript("""
                return echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart'))
                  .getModel().getComponent('yAxis', 0).axis.scale.getTicks().map(t => t.value);""", figure);
    }

    /** Every resource the page loaded: address, HTTP status and what asked for it (script, link, …). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resources() {
        return (List<Map<String, Object>>) js.executeScript("""
                return performance.getEntriesByType('resource')
                  .map(e => ({name: e.name, status: e.responseStatus, initiator: e.initiatorType}));""");
    }

    /** True once every chart that has data has finished drawing and animating (the page's {@code data-settled}). */
    boolean chartsSettled() {
        return Boolean.TRUE.equals(js.executeScript("""
                return [...document.querySelectorAll('.chart-figure')]
                  .every(f => f.classList.contains('is-empty') || f.dataset.settled === 'true');"""));
    }

    Object script(String script, Object... args) {
        return js.executeScript(script, args);
    }

    // ---- the chart's content in comparable form ---------------------------------------------------------------------

    /** {@code series name|year|value in bn} of every dot of the chart's yearly series (milestones and markers left out). */
    static Set<String> yearDots(Map<String, Object> chart) {
        Set<String> dots = new TreeSet<>();
        for (Map<String, Object> s : series(chart)) {
            if (!isYearSeries(s)) {
                continue;
            }
            for (Map<String, Object> d : data(s)) {
                if (d.get("y") instanceof Number y) {
                    dots.add(key((String) s.get("name"), ((Number) d.get("x")).doubleValue(), y.doubleValue()));
                }
            }
        }
        return dots;
    }

    /** {@code series name|year} of every dot drawn as a disagreement between sources. */
    static Set<String> conflictYears(Map<String, Object> chart) {
        Set<String> years = new TreeSet<>();
        for (Map<String, Object> s : series(chart)) {
            for (Map<String, Object> d : data(s)) {
                if (isYearSeries(s) && Boolean.TRUE.equals(d.get("conflict"))) {
                    years.add(s.get("name") + "|" + Math.round(((Number) d.get("x")).doubleValue()));
                }
            }
        }
        return years;
    }

    /** {@code year|value in bn} of every yearly dot, whatever the series is called. */
    static Set<String> yearValues(Map<String, Object> chart) {
        Set<String> values = new TreeSet<>();
        yearDots(chart).forEach(k -> values.add(k.substring(k.indexOf('|') + 1)));
        return values;
    }

    /** Milestone id → the full text of its tooltip. */
    static Map<String, String> milestones(Map<String, Object> chart) {
        Map<String, String> ids = new TreeMap<>();
        series(chart).stream().filter(s -> "milestones".equals(s.get("id")))
                .forEach(s -> data(s).forEach(d -> ids.put((String) d.get("id"), (String) d.get("tip"))));
        return ids;
    }

    /** Map feature id → {@code status|coordinates} as drawn: points and lines, the series named by status. */
    static Map<String, String> mapFeatures(Map<String, Object> chart) {
        Map<String, String> features = new TreeMap<>();
        for (Map<String, Object> s : series(chart)) {
            for (Map<String, Object> d : data(s)) {
                Object coords = d.get("coords") != null ? d.get("coords") : List.of(d.get("x"), d.get("y"));
                features.put((String) d.get("id"), s.get("name") + "|" + coordinates(coords));
            }
        }
        return features;
    }

    static String axisName(Map<String, Object> chart, String axis, int index) {
        return (String) axes(chart, axis).get(index).get("name");
    }

    static String axisType(Map<String, Object> chart, String axis, int index) {
        return (String) axes(chart, axis).get(index).get("type");
    }

    // ---- what the gateway's views say -------------------------------------------------------------------------------

    /** Every statement of a trend or Central Asia view, as {@code label|year|value in bn}: nothing averaged away. */
    static Set<String> statements(JsonNode view) {
        Set<String> dots = new TreeSet<>();
        view.path("series").forEach(s -> s.path("points").forEach(p -> p.path("statements").forEach(st ->
                dots.add(key(s.path("label").asText(), p.path("year").asInt(), st.path("valueUsd").asDouble() / 1e9)))));
        return dots;
    }

    static Set<String> conflictYears(JsonNode view) {
        Set<String> years = new TreeSet<>();
        view.path("series").forEach(s -> s.path("points").forEach(p -> {
            if (p.path("conflict").asBoolean()) {
                years.add(s.path("label").asText() + "|" + p.path("year").asInt());
            }
        }));
        return years;
    }

    /** The mirror view's figures, {@code year|value in bn}: every statement of exporter and importer. */
    static Set<String> mirrorValues(JsonNode mirror) {
        Set<String> values = new TreeSet<>();
        mirror.path("rows").forEach(r -> List.of("exporterStatements", "importerStatements").forEach(f ->
                r.path(f).forEach(st -> values.add(key(null, r.path("year").asInt(), st.path("valueUsd").asDouble() / 1e9).substring(1)))));
        return values;
    }

    static Set<String> milestoneIds(JsonNode trend) {
        Set<String> ids = new TreeSet<>();
        trend.path("milestones").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    static Map<String, String> geojsonFeatures(JsonNode corridors) {
        Map<String, String> features = new TreeMap<>();
        corridors.path("geojson").path("features").forEach(f -> features.put(f.path("properties").path("id").asText(),
                f.path("properties").path("status").asText("unknown") + "|" + coordinates(f.path("geometry").path("coordinates"))));
        return features;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String key(String name, double year, double billions) {
        return (name == null ? "" : name) + "|" + Math.round(year) + "|" + String.format(Locale.ROOT, "%.6f", billions);
    }

    private static boolean isYearSeries(Map<String, Object> s) {
        String id = (String) s.get("id");
        return (s.get("type").equals("line") || s.get("type").equals("scatter"))
                && !id.equals("milestones") && !id.equals("milestone-marker");
    }

    /** Coordinates with 6 decimals, whether they come from JSON or from the browser (where 80 is a Long). */
    private static String coordinates(Object node) {
        if (node instanceof JsonNode json) {
            if (json.isNumber()) {
                return String.format(Locale.ROOT, "%.6f", json.asDouble());
            }
            List<String> parts = new ArrayList<>();
            json.forEach(c -> parts.add(coordinates(c)));
            return parts.toString();
        }
        if (node instanceof Number n) {
            return String.format(Locale.ROOT, "%.6f", n.doubleValue());
        }
        List<String> parts = new ArrayList<>();
        ((List<?>) node).forEach(c -> parts.add(coordinates(c)));
        return parts.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> series(Map<String, Object> chart) {
        // null: the chart does not exist yet (its view has not arrived, or it is empty); it holds nothing
        return chart == null ? List.of() : (List<Map<String, Object>>) chart.get("series");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> series) {
        return (List<Map<String, Object>>) series.get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> axes(Map<String, Object> chart, String axis) {
        return (List<Map<String, Object>>) chart.get(axis);
    }
}
