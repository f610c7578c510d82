package io.schedsim.prop.fault;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;
import java.util.List;

/** Runs of the built-in chaos-swarm scenario with its default knobs, as the CLI runs them. */
final class SwarmRuns {
    static final String SCENARIO = "chaos-swarm";
    /** The same-time orderings the determinism tests cover. */
    static final List<OrderingSpec> ORDERINGS = List.of(OrderingSpec.FIFO, OrderingSpec.random(),
            OrderingSpec.pct(3, 2_000));

    private SwarmRuns() {}

    static RunOutcome run(long seed, OrderingSpec ordering, TraceSink sink) {
        return RunSpec.of(Registry.builtIn().scenario(SCENARIO)).withSeed(seed)
                .withOrdering(ordering).run(RunOptions.NONE.withTrace(sink));
    }

    static RunOutcome run(long seed) {
        return run(seed, OrderingSpec.FIFO, null);
    }

    /** The ordering called {@code kind} ({@code fifo}, {@code random} or {@code pct}). */
    static OrderingSpec ordering(String kind) {
        for (OrderingSpec ordering : ORDERINGS) {
            if (ordering.kind().equals(kind)) {
                return ordering;
            }
        }
        throw new IllegalArgumentException("unknown ordering " + kind);
    }
}
