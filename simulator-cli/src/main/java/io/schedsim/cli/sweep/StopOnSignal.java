package io.schedsim.cli.sweep;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a sweep: a shutdown hook asks the search to stop, then holds the JVM
 * until the caller has printed what was found ({@link #close()}), for at most
 * {@value #WAIT_SECONDS_MAX} seconds. Replay files are already on disk by then.
 */
public final class StopOnSignal implements AutoCloseable {
    static final long WAIT_SECONDS_MAX = 120;

    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile boolean signalled;

    private StopOnSignal(Runnable stop) {
        this.hook = new Thread(() -> {
            signalled = true;
            stop.run();
            try {
                reported.await(WAIT_SECONDS_MAX, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "schedsim-sweep-stop");
    }

    /** Installs the hook; {@code stop} must be safe to call from another thread. */
    public static StopOnSignal install(Runnable stop) {
        StopOnSignal signal = new StopOnSignal(stop);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** True once a signal asked the sweep to stop. */
    public boolean signalled() {
        return signalled;
    }

    /** Lets a waiting hook finish (the report is out), and removes the hook otherwise. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: the JVM exits as soon as it returns.
        }
    }
}
