package io.schedsim.spark.bench;

import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import java.io.Serializable;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/** One engine run, timed: wall milliseconds and the blocks that came back. */
record Timed(double millis, long blocks) {
    static <P extends Serializable> Timed run(SweepEngine.Session session, BlockWork<P> work,
            Iterator<SeedBlock> blocks) {
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        session.run(work, blocks, new BlockListener<P>() {
            @Override
            public void blockDone(SeedBlock block, P partial) {
                done.incrementAndGet();
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        });
        return new Timed((System.nanoTime() - start) / 1e6, done.get());
    }
}
