package io.schedsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.prop.search.PropertySearch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line: seeds, rate, failures and the time left by range or budget. */
class ProgressLineTest {
    @Test
    void offATerminalEachUpdateIsALineAtMostEverySecond() {
        StringWriter out = new StringWriter();
        ProgressLine lines = new ProgressLine(new PrintWriter(out), "x", 100, 0, false);
        lines.accept(new PropertySearch.Progress(10, 0, 100, 100));
        lines.accept(new PropertySearch.Progress(20, 1, 600, 100));
        lines.accept(new PropertySearch.Progress(30, 1, 1_200, 100));
        lines.clear();
        assertEquals(List.of("sweep x: 10/100 seeds (100/s), 0 failures, ETA 1 s",
                "sweep x: 30/100 seeds (25/s), 1 failure, ETA 3 s"),
                out.toString().lines().toList());
    }

    @Test
    void etaFromTheSeedRange() {
        assertEquals("sweep x: 1,234/10,000 seeds (1,234/s), 2 failures, ETA 8 s",
                ProgressLine.format("x", 1234, 2, 1000, 10_000, 0));
    }

    @Test
    void etaFromTheBudgetWhenSooner() {
        assertEquals("sweep x: 500 seeds (100/s), 1 failure, ETA 5 s",
                ProgressLine.format("x", 500, 1, 5000, Long.MAX_VALUE, 10));
    }

    @Test
    void unknownEtaWithoutRateOrBudget() {
        assertEquals("sweep x: 0/1,000 seeds (0/s), 0 failures, ETA ?",
                ProgressLine.format("x", 0, 0, 0, 1000, 0));
        assertEquals("sweep x: 10 seeds (1/s), 0 failures, ETA 2 min 00 s",
                ProgressLine.format("x", 10, 0, 10_000, Long.MAX_VALUE, 130));
    }
}
