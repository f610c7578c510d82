package io.schedsim.prop.search.engine;

/**
 * The caller's side of a {@link SweepEngine.Session#run}: receives each block's partial as it
 * comes back, and says when to stop.
 *
 * @param <P> the partial result type of the run's {@link BlockWork}
 */
public interface BlockListener<P> {
    /**
     * A block is done and its partial is in this JVM. The engine makes these calls one at a time
     * (never concurrently), from a thread of its own, each block at most once, in any order.
     */
    void blockDone(SeedBlock block, P partial);

    /**
     * Polled by the engine before it hands out more blocks and while it waits for running ones
     * (at least every 100 ms); once true, the engine hands out nothing more, may cancel blocks
     * already running (their partials are then never delivered) and returns. Must be cheap and
     * safe to call from any thread.
     */
    boolean stopRequested();
}
