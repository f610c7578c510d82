package io.schedsim.prop.search;

import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.search.engine.ThreadsSweepEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A stand-in for a cluster engine: the threads engine, but the work and every partial go through
 * Java serialisation, as they would on their way to and from another JVM.
 */
final class SerialisingEngine implements SweepEngine {
    @Override
    public String name() {
        return "serialising-threads";
    }

    @Override
    public Session open(EngineOptions options) {
        Session threads = new ThreadsSweepEngine().open(options);
        return new Session() {
            @Override
            public int parallelism() {
                return threads.parallelism();
            }

            @Override
            public <P extends Serializable> boolean run(BlockWork<P> work,
                    Iterator<SeedBlock> blocks, BlockListener<P> listener) {
                BlockWork<P> shipped = roundTrip(BlockWork.requireNamedClass(work));
                return threads.run(shipped, blocks, new BlockListener<P>() {
                    @Override
                    public void blockDone(SeedBlock block, P partial) {
                        listener.blockDone(block, roundTrip(partial));
                    }

                    @Override
                    public boolean stopRequested() {
                        return listener.stopRequested();
                    }
                });
            }

            @Override
            public void close() {
                threads.close();
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(
                    new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
