package io.schedsim.prop.search.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where a sweep's blocks of seeds run: threads in this JVM, or a cluster. An engine is found by
 * {@link #name()} with {@link ServiceLoader} (register the class in {@code
 * META-INF/services/io.schedsim.prop.search.engine.SweepEngine}; it needs a public no-argument
 * constructor), then {@link #open opened} once per search.
 *
 * <p>Contract: an engine only schedules. It runs each block it hands out with the caller's
 * {@link BlockWork}, one simulation per core, and brings the partial back; it never merges
 * partials and never depends on the order blocks finish in. It may re-run a block (retries after
 * a lost machine) but delivers each block's partial at most once. A search's result therefore
 * depends on its seeds alone, whichever engine ran them.
 */
public interface SweepEngine {
    /** The name {@code --engine} selects, e.g. {@code threads} or {@code spark}. */
    String name();

    /**
     * Connects to where blocks run. Throws {@link io.schedsim.prop.scenario.InputException} (a
     * one-line message naming the option) when the options or this JVM cannot work, e.g. a bad
     * master or an unsupported Java version, before anything is started.
     */
    Session open(EngineOptions options);

    /** An open engine: runs any number of sweeps, then is closed. */
    interface Session extends AutoCloseable {
        /** Blocks that run at once (threads, or executor cores); for reports. */
        int parallelism();

        /**
         * Runs {@code work} on blocks taken from {@code blocks} until it is exhausted or {@code
         * listener} asks to stop, and returns once every block it took is delivered or
         * cancelled. The engine takes blocks in order, possibly ahead of running them, and may
         * run several blocks in one task. An exception in a block that retries do not cure ends
         * the run with an {@link IllegalStateException}.
         *
         * @return true if every block was run and delivered; false if the run stopped early,
         *     because the listener asked or because the engine cannot go on (the calling thread
         *     was interrupted, the JVM is shutting down and took the cluster connection with it)
         */
        <P extends Serializable> boolean run(BlockWork<P> work, Iterator<SeedBlock> blocks,
                BlockListener<P> listener);

        /** Releases threads or cluster resources; safe to call twice. */
        @Override
        void close();
    }

    /** The engine called {@code name} among those on the class path. */
    static Optional<SweepEngine> find(String name) {
        for (SweepEngine engine : ServiceLoader.load(SweepEngine.class)) {
            if (engine.name().equals(name)) {
                return Optional.of(engine);
            }
        }
        return Optional.empty();
    }

    /** The names of the engines on the class path, in class-path order. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(SweepEngine.class).forEach(engine -> names.add(engine.name()));
        return names;
    }
}
