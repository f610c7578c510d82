package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.search.engine.SeedBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounds take blocks in order, lose none, and size tasks from what earlier tasks took. */
class TaskSizerTest {
    @Test
    void firstRoundHasFourSmallTasksPerCoreInBlockOrder() {
        Iterator<SeedBlock> blocks = SeedBlock.split(1, 1_000, 8);
        List<TaskBlocks> round = new TaskSizer(0).nextRound(blocks, 2);
        assertEquals(2 * TaskSizer.TASKS_PER_CORE, round.size());
        List<SeedBlock> taken = flatten(round);
        assertEquals(2 * TaskSizer.TASKS_PER_CORE * TaskSizer.BLOCKS_PER_TASK_FIRST, taken.size());
        assertEquals(new SeedBlock(1, 8), taken.get(0));
        assertEquals(taken.get(taken.size() - 1).last() + 1, blocks.next().first());
    }

    @Test
    void fewBlocksLeftGetATaskEach() {
        List<SeedBlock> shrinking = List.of(new SeedBlock(8, 8), new SeedBlock(34, 34),
                new SeedBlock(90, 90));
        List<TaskBlocks> round = new TaskSizer(0).nextRound(shrinking.iterator(), 2);
        assertEquals(3, round.size());
        assertEquals(shrinking, flatten(round));
    }

    @Test
    void tasksGrowToAboutASecondOfWork() {
        TaskSizer sizer = new TaskSizer(0);
        sizer.observed(2, 20_000_000L);
        assertEquals(100, sizer.blocksPerTask());
        sizer.observed(1, 10_000_000_000L);
        assertEquals(1, sizer.blocksPerTask());
        for (int i = 0; i < 50; i++) {
            sizer.observed(1_000, 1_000_000L);
        }
        assertEquals(TaskSizer.BLOCKS_PER_TASK_MAX, sizer.blocksPerTask());
    }

    @Test
    void aFixedSizeIsKept() {
        TaskSizer sizer = new TaskSizer(3);
        sizer.observed(2, 20_000_000L);
        List<TaskBlocks> round = sizer.nextRound(SeedBlock.split(1, 10_000, 8), 1);
        assertTrue(round.stream().allMatch(task -> task.blocks().size() == 3), round.toString());
    }

    private static List<SeedBlock> flatten(List<TaskBlocks> round) {
        List<SeedBlock> all = new ArrayList<>();
        round.forEach(task -> all.addAll(task.blocks()));
        return all;
    }
}
