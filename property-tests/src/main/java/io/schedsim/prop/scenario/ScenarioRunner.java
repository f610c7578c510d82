package io.schedsim.prop.scenario;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.event.SimulationFailure;
import io.schedsim.core.event.StopReason;
import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.TraceHash;
import io.schedsim.core.trace.TraceSink;
import io.schedsim.fault.inject.FaultInjector;
import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.inject.HealPhase;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.HistorySink;
import io.schedsim.history.KillerConfigured;
import io.schedsim.model.Cluster;
import io.schedsim.model.EndOfRun;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.invariant.Violation;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.prop.zoo.BugZoo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one scenario: build the cluster, install the fault plan, run the fault window, heal, settle
 * until the scenario's end condition (bounded by its horizon), check liveness, and assemble the
 * {@link RunResult}. Everything that determines the run is in (scenario, config, seed, variant,
 * fault plan, ordering); the same inputs give the same trace hash. Every run publishes its
 * observable history to the independent monitor beside the model's own checks ({@link
 * RunHistory}), which observes and never changes the run.
 */
public final class ScenarioRunner {
    /** Every run is bounded (TIGER_STYLE); a run that hits this reports EVENT_LIMIT. */
    public static final long EVENT_COUNT_MAX = 200_000_000L;
    private static final long SETTLE_STEP_NANOS = SimTime.seconds(5);

    private ScenarioRunner() {}

    public static RunOutcome run(BuiltInScenario scenario, RunRequest request, FaultPlan planOrNull,
            OrderingSpec ordering, TraceSink traceSink) {
        return run(scenario, request, planOrNull, ordering, traceSink, HistorySink.NONE);
    }

    /** As above; the run's history also goes to {@code historyOut} (e.g. a JSONL writer). */
    public static RunOutcome run(BuiltInScenario scenario, RunRequest request, FaultPlan planOrNull,
            OrderingSpec ordering, TraceSink traceSink, HistorySink historyOut) {
        long wallStart = System.nanoTime();
        Config config = new Config(request.config());
        ModelComponents components = request.variant() == null ? ModelComponents.defaults()
                : BugZoo.find(request.variant()).components();
        Simulation sim = new Simulation(request.seed(), ordering.create(request.seed()), 256);
        sim.setEventCountMax(EVENT_COUNT_MAX);
        sim.setTraceSink(traceSink);
        Cluster cluster = Cluster.create(sim, scenario.clusterConfig(config), components);
        RunHistory history = RunHistory.open(sim, historyOut);
        history.attach(cluster);
        scenario.populate(cluster, config, sim.random("workload"));
        KillerConfigured killer = scenario.killer(config);
        history.begin(request, cluster, killer);
        cluster.start();
        FaultPlan plan = planOrNull != null ? planOrNull
                : scenario.faultPlan(config, sim.random("faults"), cluster);
        FaultInjector injector = FaultInjector.install(sim, cluster, plan, killer != null);
        Timing timing = scenario.timing(config);
        HealPhase.schedule(injector, timing.healAtMillis(), scenario.healOptions(config));
        StopReason stop;
        List<RunResult.Violation> failures = new ArrayList<>();
        try {
            stop = runPhases(scenario, cluster, timing);
            if (stop != StopReason.STOPPED && stop != StopReason.EVENT_LIMIT) {
                EndOfRun.check(cluster);
            }
        } catch (SimulationFailure failure) {
            stop = StopReason.STOPPED;
            failures.add(new RunResult.Violation("CHECK", SimTime.toMillis(failure.timeNanos()),
                    failure.eventIndex(), failure.getMessage()));
        }
        injector.finish();
        if (traceSink != null) {
            traceSink.finish();
        }
        List<RunResult.Violation> violations = modelViolations(cluster);
        violations.addAll(failures);
        violations.addAll(history.finish(cluster, stop, violations));
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000L;
        RunResult result = assemble(request, cluster, injector.ledger(), stop, wallMillis,
                violations);
        return new RunOutcome(result, plan, ordering, cluster, injector.ledger());
    }

    private static StopReason runPhases(BuiltInScenario scenario, Cluster cluster, Timing timing) {
        Simulation sim = cluster.sim();
        long horizon = SimTime.millis(timing.horizonMillis());
        StopReason stop = sim.runUntil(Math.min(horizon, SimTime.millis(timing.healAtMillis())));
        while (!sim.stopRequested() && stop != StopReason.EVENT_LIMIT
                && sim.nowNanos() < horizon && !scenario.finished(cluster)) {
            stop = sim.runUntil(Math.min(horizon, sim.nowNanos() + SETTLE_STEP_NANOS));
        }
        RayWorkload ray = cluster.ray();
        if (ray != null && ray.allTerminal() && !sim.stopRequested()) {
            long end = Math.max(sim.nowNanos(),
                    ray.lastCompletionNanos() + SimTime.millis(timing.afterDoneMillis()));
            stop = sim.runUntil(Math.min(horizon, end));
        }
        return sim.stopRequested() ? StopReason.STOPPED : stop;
    }

    private static List<RunResult.Violation> modelViolations(Cluster cluster) {
        List<RunResult.Violation> violations = new ArrayList<>();
        for (Violation v : cluster.monitor().violations()) {
            violations.add(new RunResult.Violation(v.invariant(), SimTime.toMillis(v.timeNanos()),
                    v.eventIndex(), v.message()));
        }
        return violations;
    }

    private static RunResult assemble(RunRequest request, Cluster cluster, FaultLedger ledger,
            StopReason stop, long wallMillis, List<RunResult.Violation> violations) {
        Simulation sim = cluster.sim();
        int down = 0;
        int drained = 0;
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            down += cluster.node(slot).status() == NodeStatus.DOWN ? 1 : 0;
            drained += cluster.node(slot).lastDrain() == LastDrainStatus.COMPLETE ? 1 : 0;
        }
        int killed = ledger.killedNodes().size() + ledger.agentKilledNodes().size();
        RunResult.Nodes nodes = new RunResult.Nodes(cluster.nodeSlotCount(), killed, down, drained);
        RayWorkload ray = cluster.ray();
        RunResult.Tasks tasks = ray == null ? new RunResult.Tasks(0, 0, 0, 0, 0, 0)
                : new RunResult.Tasks(ray.submitted(), ray.completed(), ray.failed(),
                        ray.lostAttempts(), ray.retries(), ray.pending());
        Map<String, Integer> running = new LinkedHashMap<>();
        for (JobType type : JobType.values()) {
            running.put(type.jsonName(), 0);
        }
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (!alloc.isTerminal() && alloc.client() == ClientStatus.RUNNING) {
                running.merge(alloc.job().type().jsonName(), 1, Integer::sum);
            }
        }
        Map<String, io.schedsim.core.metrics.PercentileSummary> latency = new LinkedHashMap<>();
        for (String name : List.of("taskCompletion", "failureDetection", "drainDuration")) {
            latency.put(name, sim.metrics().summary(name));
        }
        RunResult.Faults faults = new RunResult.Faults(ledger.planned(),
                new TreeMap<>(ledger.fired()), new TreeMap<>(ledger.skipped()));
        return new RunResult(request.scenario(), request.seed(), request.variant(),
                request.config(), TraceHash.hex(sim.traceHash()), sim.eventCount(),
                SimTime.toMillis(sim.nowNanos()), wallMillis, stop.name(), nodes, tasks, faults,
                new RunResult.Allocations(running), latency, violations);
    }
}
