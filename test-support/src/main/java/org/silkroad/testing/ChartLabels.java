package org.silkroad.testing;

import org.openqa.selenium.JavascriptExecutor;

import java.util.List;
import java.util.Map;

/**
 * Reads, in a real browser, whether the texts a dashboard chart drew (axis labels, legend, milestone and map labels)
 * overlap: what a reader would see as an unreadable pile, whatever the chart library says it laid out.
 */
public final class ChartLabels {

    private static final String OVERLAPS = """
            const texts = [...document.querySelectorAll('#' + arguments[0] + ' .chart svg text')]
              .map(t => ({text: t.textContent, box: t.getBoundingClientRect()})).filter(t => t.box.width > 0);
            const pairs = [];
            for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
              const a = texts[i].box, b = texts[j].box;
              if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                pairs.push(texts[i].text + ' / ' + texts[j].text);
              }
            }
            return {drawn: texts.length, pairs};""";

    /** What a chart drew and which of its texts overlap by more than 1 px. */
    public record Overlaps(long drawn, List<String> pairs) {
    }

    private ChartLabels() {
    }

    /** @param figure the id of the figure element that holds the chart ({@code .chart} inside it) */
    @SuppressWarnings("unchecked")
    public static Overlaps overlaps(JavascriptExecutor js, String figure) {
        Map<String, Object> result = (Map<String, Object>) js.executeScript(OVERLAPS, figure);
        return new Overlaps(((Number) result.get("drawn")).longValue(), (List<String>) result.get("pairs"));
    }
}
