package io.schedsim.cli.diff;

import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.DeterminismCheck;
import io.schedsim.core.trace.MemoryTraceSink;
import io.schedsim.core.trace.TraceEvent;
import io.schedsim.model.Cluster;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.function.Consumer;

/**
 * Two runs compared event by event: each records its trace in memory (about 40 bytes per event),
 * then the core's {@link DeterminismCheck} walks the two hash chains to the first event whose hash
 * differs. Since each hash folds in every earlier event, that is the first event that differs.
 */
public record RunDiff(ReplayRun a, ReplayRun b, RunOutcome outcomeA, RunOutcome outcomeB,
        DeterminismCheck.Result comparison) {

    /** Runs {@code a}, then {@code b}; each hook (null: none) sees its started cluster. */
    public static RunDiff of(ReplayRun a, ReplayRun b, Consumer<Cluster> onStartA,
            Consumer<Cluster> onStartB) {
        MemoryTraceSink traceA = new MemoryTraceSink();
        RunOutcome outcomeA = a.run(traceA, onStartA);
        MemoryTraceSink traceB = new MemoryTraceSink();
        RunOutcome outcomeB = b.run(traceB, onStartB);
        DeterminismCheck.Result comparison = DeterminismCheck.compare(traceA,
                hash(outcomeA), traceB, hash(outcomeB));
        return new RunDiff(a, b, outcomeA, outcomeB, comparison);
    }

    /** True if both runs dispatched the same events: same hash chain, same length. */
    public boolean identical() {
        return comparison.deterministic() && comparison.eventsFirst() == comparison.eventsSecond();
    }

    /** When A's first divergent event happened (its end if it ran out first); -1 if identical. */
    public long divergenceMillisA() {
        return divergenceMillis(comparison.divergence() == null ? null
                : comparison.divergence().first(), outcomeA);
    }

    /** When B's first divergent event happened (its end if it ran out first); -1 if identical. */
    public long divergenceMillisB() {
        return divergenceMillis(comparison.divergence() == null ? null
                : comparison.divergence().second(), outcomeB);
    }

    private long divergenceMillis(TraceEvent event, RunOutcome outcome) {
        if (identical()) {
            return -1;
        }
        return event == null ? outcome.result().simulatedMillis()
                : SimTime.toMillis(event.timeNanos());
    }

    private static long hash(RunOutcome outcome) {
        return Long.parseUnsignedLong(outcome.result().traceHash(), 16);
    }
}
