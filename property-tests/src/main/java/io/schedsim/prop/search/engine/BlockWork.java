package io.schedsim.prop.search.engine;

import java.io.Serializable;

/**
 * What a sweep computes for one block of seeds: a plain serialisable function from a
 * {@link SeedBlock} to a serialisable partial result, which an engine may run in another JVM.
 *
 * <p>Contract: an implementation is a named class whose fields say what to run by name (scenario,
 * variant, config values), never a lambda or a captured object graph, so that it deserialises on a
 * machine that has only the jars; {@link #requireNamedClass} rejects lambdas. {@link #apply} is a
 * pure function of the block: same block, same partial, on any engine, in any order, any number
 * of times (an engine re-runs the blocks of a lost machine). It runs one simulation at a time on
 * the calling thread and writes nothing outside a temporary directory of its own.
 *
 * @param <P> the partial result; merged by the caller, never by the engine
 */
public interface BlockWork<P extends Serializable> extends Serializable {
    P apply(SeedBlock block);

    /** Throws unless {@code work} is an instance of a named class (not a lambda). */
    static <W extends BlockWork<?>> W requireNamedClass(W work) {
        Class<?> type = work.getClass();
        if (type.isSynthetic() || type.isAnonymousClass() || type.getName().contains("$$Lambda")) {
            throw new IllegalArgumentException("block work must be a named class, not "
                    + type.getName() + ": engines ship it to other JVMs by class name");
        }
        return work;
    }
}
