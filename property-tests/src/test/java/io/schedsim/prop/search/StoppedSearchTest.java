package io.schedsim.prop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.spec.RunSpec;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI contract: Ctrl-C "keeps everything found so far". An engine that runs blocks out of order
 * can deliver a failing block while an earlier one is still running; a stop then cancels the
 * earlier one, and the failures of the block beyond the gap must still be in the report, as the
 * progress line counted them. A deadline and a {@code --max-failures} cut keep the contiguous
 * prefix. (Spark's {@code local[2]} showed the loss: a stop test found no failures.)
 */
class StoppedSearchTest {
    private static final String SCENARIO = "chaos-swarm";
    private static final String VARIANT = "stale-drainer-eligibility";

    @TempDir
    Path dir;

    @Test
    void aStopKeepsTheFailuresOfBlocksBeyondAGap() {
        SearchSettings settings = SearchSettings.of(SCENARIO, VARIANT).seeds(1, 16)
                .shrink(false).outDir(dir.resolve("stopped"));
        PropertySearch[] search = new PropertySearch[1];
        search[0] = new PropertySearch(settings, Registry.builtIn(),
                new SecondBlockFirst(() -> search[0].stop()), EngineOptions.threads(2));
        long[] progressFailures = new long[1];
        SearchReport report = search[0].run(p -> progressFailures[0] = p.failures());

        RunSpec template = RunSpec.of(Registry.builtIn().scenario(SCENARIO))
                .withVariant(Registry.builtIn().variant(VARIANT));
        long beyondGap = ScanWork.of(template, Registry.builtIn(), "mixed")
                .apply(new SeedBlock(9, 16)).failures().size();
        assertTrue(beyondGap > 0, "seeds 9..16 must hold a failure for this test");
        assertTrue(report.statistics().interrupted());
        assertEquals(8, report.seedsRun());
        assertEquals(progressFailures[0], report.failures().stream().mapToInt(Failure::count)
                .sum(), report::toString);
        assertEquals(beyondGap, report.failures().stream().mapToInt(Failure::count).sum(),
                report::toString);
    }

    /**
     * Runs block 9..16 (on the calling thread), delivers it, asks the search to stop and cancels
     * block 1..8: what Spark does when a stop arrives while an earlier task is still running.
     */
    private static final class SecondBlockFirst implements SweepEngine {
        private final Runnable stop;

        SecondBlockFirst(Runnable stop) {
            this.stop = stop;
        }

        @Override
        public String name() {
            return "second-block-first";
        }

        @Override
        public Session open(EngineOptions options) {
            return new Session() {
                @Override
                public int parallelism() {
                    return 2;
                }

                @Override
                public <P extends Serializable> boolean run(BlockWork<P> work,
                        Iterator<SeedBlock> blocks, BlockListener<P> listener) {
                    SeedBlock first = blocks.next();
                    SeedBlock second = blocks.next();
                    assertEquals(1, first.first());
                    listener.blockDone(second, work.apply(second));
                    stop.run();
                    return false;
                }

                @Override
                public void close() {}
            };
        }
    }
}
