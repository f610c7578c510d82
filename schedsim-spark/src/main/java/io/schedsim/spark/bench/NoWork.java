package io.schedsim.spark.bench;

import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.SeedBlock;

/** A block that runs nothing: what is left of a task's time is the engine's own cost. */
final class NoWork implements BlockWork<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long apply(SeedBlock block) {
        return block.size();
    }
}
