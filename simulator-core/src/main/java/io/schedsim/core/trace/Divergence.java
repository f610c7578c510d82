package io.schedsim.core.trace;

/** The first event at which two runs differ; either side is null if that run ended earlier. */
public record Divergence(long eventIndex, TraceEvent first, TraceEvent second) {
    @Override
    public String toString() {
        return "first divergent event #" + eventIndex + "\n  run 1: "
                + (first == null ? "(ended)" : first) + "\n  run 2: "
                + (second == null ? "(ended)" : second);
    }
}
