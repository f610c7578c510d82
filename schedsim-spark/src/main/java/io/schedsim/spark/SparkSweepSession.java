package io.schedsim.spark;

import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * One {@link SparkContext}, running sweeps in rounds: each round is a Spark job of a few tasks
 * per core ({@link TaskSizer}), each task a list of blocks. Two rounds are in flight at once, so
 * cores do not idle while a round's last task finishes. A task's partials reach the search as
 * soon as the task's result reaches the driver (the job's result handler), so a cancelled or
 * interrupted sweep keeps every block already done. All jobs of a run share a job group, which
 * a stop request cancels.
 */
final class SparkSweepSession implements SweepEngine.Session {
    private static final int ROUNDS_IN_FLIGHT = 2;
    private static final long POLL_MILLIS = 50;
    private static final AtomicLong GROUPS = new AtomicLong();

    private final SparkContext context;
    private final JavaSparkContext java;
    private final TaskHealth health = new TaskHealth();
    private final int fixedBlocksPerTask;
    private final int tasksPerCore;
    private final Object delivery = new Object();

    SparkSweepSession(SparkContext context, int fixedBlocksPerTask, int tasksPerCore) {
        this.context = context;
        this.java = JavaSparkContext.fromSparkContext(context);
        this.fixedBlocksPerTask = fixedBlocksPerTask;
        this.tasksPerCore = tasksPerCore;
        context.addSparkListener(health);
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    SparkTaskStats stats() {
        return health.snapshot();
    }

    @Override
    public <P extends Serializable> boolean run(BlockWork<P> work, Iterator<SeedBlock> blocks,
            BlockListener<P> listener) {
        BlockWork.requireNamedClass(work);
        if (context.isStopped()) {
            return false;
        }
        Broadcast<BlockWork<P>> shared;
        try {
            shared = java.broadcast(work);
        } catch (IllegalStateException e) {
            if (context.isStopped()) {
                return false;
            }
            throw e;
        }
        RunTask<P> task = new RunTask<>(shared);
        Thread waiting = Thread.currentThread();
        TaskSizer sizer = new TaskSizer(fixedBlocksPerTask, tasksPerCore);
        String group = "schedsim-sweep-" + GROUPS.incrementAndGet();
        Deque<Round<P>> inFlight = new ArrayDeque<>();
        boolean stopping = context.isStopped();
        boolean interrupted = false;
        context.setJobGroup(group, "schedsim sweep", true);
        try {
            while (true) {
                // Cleared here (parking returns at once while it is set), restored on return.
                interrupted |= Thread.interrupted();
                if (!stopping && (interrupted || listener.stopRequested()
                        || context.isStopped())) {
                    stopping = true;
                    cancel(group);
                }
                while (!stopping && inFlight.size() < ROUNDS_IN_FLIGHT && blocks.hasNext()) {
                    Round<P> round = new Round<>(sizer.nextRound(blocks, parallelism()), sizer,
                            listener, waiting);
                    try {
                        round.submit(task);
                    } catch (IllegalStateException e) {
                        if (!context.isStopped()) {
                            throw e;
                        }
                        stopping = true;
                        break;
                    }
                    inFlight.add(round);
                }
                if (inFlight.isEmpty()) {
                    return !stopping;
                }
                if (inFlight.peekFirst().future.isCompleted()) {
                    finish(inFlight.removeFirst(), stopping);
                    continue;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            }
        } finally {
            context.clearJobGroup();
            if (!context.isStopped()) {
                // Cancelled tasks may still be reading it; executors drop it when they can.
                shared.unpersist(false);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void cancel(String group) {
        if (!context.isStopped()) {
            context.cancelJobGroup(group, "the sweep was asked to stop");
        }
    }

    /** Fails the run if the round's job failed for any reason but a stop. */
    private void finish(Round<?> round, boolean stopping) {
        Try<BoxedUnit> outcome = round.future.value().get();
        if (outcome.isFailure() && !stopping && !context.isStopped()) {
            Throwable cause = outcome.failed().get();
            throw new IllegalStateException("Spark job failed: " + firstLine(cause), cause);
        }
    }

    static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int end = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": "
                + (end < 0 ? message : message.substring(0, end));
    }

    @Override
    public void close() {
        try {
            context.stop();
        } catch (RuntimeException e) {
            // Stopping a context that a shutdown hook is stopping too; nothing is left to free.
        }
    }

    /** One job: its tasks' blocks, and the handler that hands their partials to the search. */
    private final class Round<P extends Serializable>
            extends AbstractFunction2<Object, TaskResult<P>, BoxedUnit> {
        private final List<TaskBlocks> tasks;
        private final TaskSizer sizer;
        private final BlockListener<P> listener;
        private final Thread waiting;
        private SimpleFutureAction<BoxedUnit> future;

        Round(List<TaskBlocks> tasks, TaskSizer sizer, BlockListener<P> listener,
                Thread waiting) {
            this.tasks = tasks;
            this.sizer = sizer;
            this.listener = listener;
            this.waiting = waiting;
        }

        void submit(RunTask<P> task) {
            RDD<TaskBlocks> rdd = java.parallelize(tasks, tasks.size()).rdd();
            List<Object> partitions = new ArrayList<>();
            for (int p = 0; p < tasks.size(); p++) {
                partitions.add(p);
            }
            Seq<Object> all = CollectionConverters.asScala(partitions).toSeq();
            future = context.submitJob(rdd, task, all, this, new Done(waiting));
        }

        /** Spark calls this on its scheduler thread as each task's result arrives. */
        @Override
        public BoxedUnit apply(Object partition, TaskResult<P> result) {
            List<SeedBlock> blocks = tasks.get((Integer) partition).blocks();
            sizer.observed(blocks.size(), result.runNanos());
            synchronized (delivery) {
                for (int b = 0; b < blocks.size(); b++) {
                    listener.blockDone(blocks.get(b), result.partials().get(b));
                }
            }
            LockSupport.unpark(waiting);
            return BoxedUnit.UNIT;
        }
    }

    /**
     * The value of a finished round's job: nothing, the partials went to the search already; it
     * wakes the run's thread, which otherwise looks again every {@value #POLL_MILLIS} ms.
     */
    private static final class Done extends AbstractFunction0<BoxedUnit> {
        private final Thread waiting;

        Done(Thread waiting) {
            this.waiting = waiting;
        }

        @Override
        public BoxedUnit apply() {
            LockSupport.unpark(waiting);
            return BoxedUnit.UNIT;
        }
    }
}
