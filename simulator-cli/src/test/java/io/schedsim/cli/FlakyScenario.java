package io.schedsim.cli;

import java.util.concurrent.atomic.AtomicLong;

/** Like {@link FakeScenario}, but task 3's payload differs on every run and in every JVM. */
public final class FlakyScenario extends FakeScenario {
    private static final AtomicLong RUNS = new AtomicLong();
    private long run;

    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public String description() {
        return "Not deterministic on purpose";
    }

    @Override
    public io.schedsim.prop.scenario.RunOutcome execute(io.schedsim.prop.spec.RunSpec spec,
            io.schedsim.prop.scenario.RunOptions options) {
        run = RUNS.incrementAndGet() + 1_000 * ProcessHandle.current().pid();
        return super.execute(spec, options);
    }

    @Override
    protected long payload(long index, long drawn) {
        return index == 3 ? run : drawn;
    }
}
