package io.schedsim.spark;

import io.schedsim.prop.search.engine.SeedBlock;
import java.io.Serializable;
import java.util.List;

/** The blocks one Spark task runs, in order: the single element of its partition. */
record TaskBlocks(List<SeedBlock> blocks) implements Serializable {
    private static final long serialVersionUID = 1L;

    TaskBlocks {
        blocks = List.copyOf(blocks);
    }
}
