package io.schedsim.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.Success$;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A {@link SparkListener} that counts what Spark did behind the search's back: tasks that failed
 * and ran again (a lost executor, a killed worker), tasks killed by a cancel, executors that
 * came and went. Spark delivers its events on its listener thread, after the fact.
 */
final class TaskHealth extends SparkListener {
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong killed = new AtomicLong();
    private final AtomicLong executorsAdded = new AtomicLong();
    private final AtomicLong executorsRemoved = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        Object reason = taskEnd.reason();
        if (reason == Success$.MODULE$) {
            succeeded.incrementAndGet();
        } else if (reason instanceof TaskKilled) {
            killed.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded added) {
        executorsAdded.incrementAndGet();
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        executorsRemoved.incrementAndGet();
    }

    SparkTaskStats snapshot() {
        return new SparkTaskStats(succeeded.get(), failed.get(), killed.get(),
                executorsAdded.get(), executorsRemoved.get());
    }
}
