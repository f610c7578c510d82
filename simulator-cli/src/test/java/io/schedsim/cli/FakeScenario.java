package io.schedsim.cli;

import io.schedsim.core.check.CheckFailure;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.event.StopReason;
import io.schedsim.core.metrics.PercentileSummary;
import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.TraceHash;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.RunSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small deterministic scenario for CLI tests: {@code tasks} events at seeded random times on
 * {@code workers} entities. The variant {@code always-violates} reports one violation; the variant
 * {@code check-fails} fails a model check mid-run; {@code crash=true} throws an internal error.
 */
public class FakeScenario implements Scenario {
    @Override
    public String name() {
        return "fake-cluster";
    }

    @Override
    public String description() {
        return "A fake cluster of workers running tasks, for CLI tests";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.ofInt("workers", 4, 1, 100, "worker count"),
                Knob.ofInt("tasks", 50, 0, 10_000, "task count"),
                Knob.ofLong("killIntervalMillis", 1_000, 1, 1_000_000_000, "kill interval"),
                Knob.ofDouble("chaos", 0.5, 0, 1, "chaos intensity"),
                Knob.ofBoolean("crash", false, "throw an internal error"),
                Knob.ofChoice("placement", "spread", List.of("spread", "binpack"), "policy"));
    }

    /** The payload of event {@code index}; the flaky subclass perturbs it. */
    protected long payload(long index, long drawn) {
        return drawn;
    }

    @Override
    public RunOutcome execute(RunSpec spec, RunOptions options) {
        if (spec.config().booleanValue("crash")) {
            throw new IllegalStateException("fake crash");
        }
        int workers = spec.config().intValue("workers");
        int tasks = spec.config().intValue("tasks");
        Simulation simulation = new Simulation(spec.seed());
        simulation.setTraceSink(options.traceSink());
        boolean checkFails = "check-fails".equals(spec.variantName());
        int[] done = new int[1];
        int kind = simulation.registerKind("task-done", (entity, payload) -> {
            done[0]++;
            if (checkFails && done[0] == 3) {
                throw new CheckFailure("fake check on worker " + entity);
            }
        });
        SimRandom random = simulation.random("workload");
        for (int i = 0; i < tasks; i++) {
            simulation.schedule(SimTime.millis(random.nextLong(10_000)), kind,
                    random.nextInt(workers), payload(i, random.nextLong()));
        }
        StopReason stop = simulation.runUntilQuiescent();
        if (options.traceSink() != null) {
            options.traceSink().finish();
        }
        return new RunOutcome(result(spec, simulation, stop, workers, tasks), FaultPlan.EMPTY,
                spec.ordering(), null, null);
    }

    private static RunResult result(RunSpec spec, Simulation simulation, StopReason stop,
            int workers, int tasks) {
        List<RunResult.Violation> violations = "always-violates".equals(spec.variantName())
                ? List.of(new RunResult.Violation("INV-1", 5, 2, "fake violation"))
                : List.of();
        Map<String, PercentileSummary> latency = new LinkedHashMap<>();
        latency.put("taskCompletion", new PercentileSummary(tasks, 10, 20, 30, 40));
        latency.put("failureDetection", PercentileSummary.EMPTY);
        latency.put("drainDuration", PercentileSummary.EMPTY);
        Map<String, Integer> running = new LinkedHashMap<>();
        for (String type : List.of("service", "batch", "system", "sysbatch")) {
            running.put(type, 0);
        }
        return new RunResult(spec.scenario().name(), spec.seed(), spec.variantName(),
                spec.config().asMap(), TraceHash.hex(simulation.traceHash()), simulation.eventCount(),
                SimTime.toMillis(simulation.nowNanos()), 1, stop.name(),
                new RunResult.Nodes(workers, 0, 0, 0),
                new RunResult.Tasks(tasks, tasks, 0, 0, 0, 0),
                new RunResult.Faults(1, Map.of("terminate-instance", 1), Map.of()),
                new RunResult.Allocations(running), latency, violations);
    }
}
