package io.schedsim.cli.output;

import io.schedsim.core.trace.TraceSink;

/**
 * Passes events through and finishes its delegate at most once, so the CLI can finish a trace
 * after the run whether or not the scenario already did.
 */
final class FinishOnceSink implements TraceSink {
    private final TraceSink delegate;
    private boolean finished;

    FinishOnceSink(TraceSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onEvent(long eventIndex, long timeNanos, String kind, int entity, long payload,
            long hashAfter) {
        delegate.onEvent(eventIndex, timeNanos, kind, entity, payload, hashAfter);
    }

    @Override
    public void finish() {
        if (!finished) {
            finished = true;
            delegate.finish();
        }
    }
}
