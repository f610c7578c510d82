package io.schedsim.prop.search.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The built-in engine: {@link EngineOptions#threads()} worker threads in this JVM, each taking the
 * next block as soon as it is done with one, so a slow block holds up nothing else. Nothing is
 * serialised; a work item with transient state (a shared counter) works here and nowhere else.
 */
public final class ThreadsSweepEngine implements SweepEngine {
    public static final String NAME = "threads";
    private static final long SHUTDOWN_SECONDS_MAX = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Session open(EngineOptions options) {
        return new ThreadsSession(Math.max(1, options.threads()));
    }

    private static final class ThreadsSession implements Session {
        private final int threads;

        ThreadsSession(int threads) {
            this.threads = threads;
        }

        @Override
        public int parallelism() {
            return threads;
        }

        @Override
        public <P extends Serializable> boolean run(BlockWork<P> work,
                Iterator<SeedBlock> blocks, BlockListener<P> listener) {
            Object delivery = new Object();
            AtomicBoolean abandoned = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (!abandoned.get() && !listener.stopRequested()) {
                        SeedBlock block;
                        synchronized (blocks) {
                            if (!blocks.hasNext()) {
                                return;
                            }
                            block = blocks.next();
                        }
                        P partial = work.apply(block);
                        synchronized (delivery) {
                            listener.blockDone(block, partial);
                        }
                    }
                }));
            }
            try {
                for (Future<?> worker : workers) {
                    worker.get();
                }
                synchronized (blocks) {
                    return !blocks.hasNext();
                }
            } catch (InterruptedException e) {
                abandoned.set(true);
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                abandoned.set(true);
                throw new IllegalStateException("search worker failed: " + e.getCause(),
                        e.getCause());
            } finally {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(SHUTDOWN_SECONDS_MAX, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            // Each run owns its pool; nothing outlives it.
        }
    }
}
