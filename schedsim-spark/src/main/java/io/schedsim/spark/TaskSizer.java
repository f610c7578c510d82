package io.schedsim.spark;

import io.schedsim.prop.search.engine.SeedBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts the blocks a search offers into the tasks of a round. A Spark task costs milliseconds to
 * schedule, ship and report, a block of the search a few, so a task runs many blocks: as many as
 * take about {@value #TARGET_TASK_MILLIS} ms, learnt from the tasks already run. A round has
 * {@value #TASKS_PER_CORE} tasks per core (by default), so that a slow task leaves the other
 * cores busy;
 * when fewer blocks than that are left (a shrinking stage has a few blocks, each slow), each
 * block gets a task of its own. Only the speed depends on this; results depend on blocks alone.
 */
final class TaskSizer {
    static final int TASKS_PER_CORE = 4;
    static final long TARGET_TASK_MILLIS = 1_000;
    static final int BLOCKS_PER_TASK_FIRST = 2;
    static final int BLOCKS_PER_TASK_MAX = 1_024;

    private final int fixedBlocksPerTask;
    private final int tasksPerCore;
    private double nanosPerBlock = Double.NaN;

    /** @param fixedBlocksPerTask blocks per task, or 0 to learn it */
    TaskSizer(int fixedBlocksPerTask) {
        this(fixedBlocksPerTask, TASKS_PER_CORE);
    }

    /** @param tasksPerCore tasks per core in a round (benchmarks raise it to time tasks) */
    TaskSizer(int fixedBlocksPerTask, int tasksPerCore) {
        this.fixedBlocksPerTask = fixedBlocksPerTask;
        this.tasksPerCore = tasksPerCore;
    }

    /** The next round's tasks, taking blocks in order; empty once {@code blocks} is. */
    List<TaskBlocks> nextRound(Iterator<SeedBlock> blocks, int parallelism) {
        int slots = Math.max(1, parallelism) * tasksPerCore;
        long wanted = (long) slots * blocksPerTask();
        List<SeedBlock> taken = new ArrayList<>();
        while (taken.size() < wanted && blocks.hasNext()) {
            taken.add(blocks.next());
        }
        int tasks = Math.min(taken.size(), slots);
        List<TaskBlocks> round = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int from = (int) ((long) t * taken.size() / tasks);
            int to = (int) ((long) (t + 1) * taken.size() / tasks);
            round.add(new TaskBlocks(taken.subList(from, to)));
        }
        return round;
    }

    /** A task ran {@code blocks} blocks in {@code runNanos}; later tasks are sized by it. */
    synchronized void observed(int blocks, long runNanos) {
        if (blocks == 0) {
            return;
        }
        double perBlock = (double) runNanos / blocks;
        nanosPerBlock = Double.isNaN(nanosPerBlock) ? perBlock
                : 0.7 * nanosPerBlock + 0.3 * perBlock;
    }

    synchronized int blocksPerTask() {
        if (fixedBlocksPerTask > 0) {
            return fixedBlocksPerTask;
        }
        if (Double.isNaN(nanosPerBlock)) {
            return BLOCKS_PER_TASK_FIRST;
        }
        double blocks = TARGET_TASK_MILLIS * 1e6 / Math.max(1, nanosPerBlock);
        return (int) Math.max(1, Math.min(BLOCKS_PER_TASK_MAX, Math.round(blocks)));
    }
}
