package io.schedsim.spark;

import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.SeedBlock;
import java.io.Serializable;
import java.util.ArrayList;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The function every task of a round runs on its executor: the sweep's {@link BlockWork} over
 * the task's blocks, one after the other on the task's thread. The work travels as a Spark
 * broadcast, once per executor for all of a sweep's jobs (a guided round's corpus is in it),
 * and is named by class, never a lambda; a cancelled task stops between blocks.
 */
final class RunTask<P extends Serializable>
        extends AbstractFunction1<Iterator<TaskBlocks>, TaskResult<P>> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<BlockWork<P>> work;

    RunTask(Broadcast<BlockWork<P>> work) {
        BlockWork.requireNamedClass(work.value());
        this.work = work;
    }

    @Override
    public TaskResult<P> apply(Iterator<TaskBlocks> partition) {
        long start = System.nanoTime();
        TaskContext context = TaskContext.get();
        ArrayList<P> partials = new ArrayList<>();
        while (partition.hasNext()) {
            for (SeedBlock block : partition.next().blocks()) {
                if (context != null) {
                    context.killTaskIfInterrupted();
                }
                partials.add(work.value().apply(block));
            }
        }
        return new TaskResult<>(partials, System.nanoTime() - start);
    }
}
