package io.schedsim.prop.scenario;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.event.SimulationFailure;
import io.schedsim.core.event.StopReason;
import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.TraceHash;
import io.schedsim.fault.inject.FaultInjector;
import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.inject.HealPhase;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.HistorySink;
import io.schedsim.history.KillerConfigured;
import io.schedsim.model.Cluster;
import io.schedsim.model.EndOfRun;
import io.schedsim.model.actor.RayActors;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.invariant.Violation;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.task.RayWorkload;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one scenario: build the cluster, install the fault plan, run the fault window, heal, settle
 * until the scenario's end condition (bounded by its horizon), check liveness, and assemble the
 * {@link RunResult}. Everything that determines the run is in its {@link RunSpec} (scenario,
 * config, seed, variant, fault plan, ordering); the same spec gives the same trace hash. Every
 * run publishes its observable history to the independent monitor beside the model's own checks
 * ({@link RunHistory}), which observes and never changes the run.
 */
public final class ScenarioRunner {
    /** Every run is bounded (TIGER_STYLE); a run that hits this reports EVENT_LIMIT. */
    public static final long EVENT_COUNT_MAX = 200_000_000L;
    private static final long SETTLE_STEP_NANOS = SimTime.seconds(5);

    private ScenarioRunner() {}

    /**
     * Runs {@code spec} of {@code scenario}: its variant's components, its ordering, its explicit
     * plan or the one the scenario draws from the seed (after the cluster starts, from the
     * {@code faults} stream, as always). The run's history goes to the monitor, and to
     * {@link RunOptions#history()} when set.
     */
    public static RunOutcome run(BuiltInScenario scenario, RunSpec spec, RunOptions options) {
        long wallStart = System.nanoTime();
        ScenarioConfig config = spec.config();
        Simulation sim = new Simulation(spec.seed(), spec.ordering().create(spec.seed()), 256);
        sim.setEventCountMax(EVENT_COUNT_MAX);
        sim.setTraceSink(options.traceSink());
        Cluster cluster = Cluster.create(sim, scenario.clusterConfig(config),
                spec.variant().components());
        RunHistory history = RunHistory.open(sim, options.history(), options.coverage());
        history.attach(cluster);
        scenario.populate(cluster, config, sim.random("workload"));
        FaultPlan explicit = spec.explicitPlan();
        if (options.planFromFile() && explicit != null) {
            PlanNodes.requireKnown(explicit, cluster.nodeSlotCount());
        }
        KillerConfigured killer = scenario.killer(config);
        history.begin(spec, cluster, killer);
        cluster.start();
        if (options.onStart() != null) {
            options.onStart().accept(cluster);
        }
        FaultPlan plan = explicit != null ? explicit
                : scenario.faultPlan(config, sim.random("faults"), cluster);
        FaultInjector injector = FaultInjector.install(sim, cluster, plan, killer != null,
                spec.variant().components().killer());
        Timing timing = scenario.timing(config);
        Map<String, Object> resolved = scenario.resolved(config, cluster, plan, timing);
        HealPhase.schedule(injector, timing.healAtMillis(), scenario.healOptions(config));
        RunEnd end;
        // The event loop's own reason, for the history's run-ended (the monitor judges liveness
        // only after a normal stop); a failed model check stopped the run.
        StopReason stop;
        List<RunResult.Violation> failures = new ArrayList<>();
        try {
            stop = runPhases(scenario, cluster, timing);
            end = RunEnd.of(scenario, cluster, stop);
            if (stop != StopReason.STOPPED && stop != StopReason.EVENT_LIMIT) {
                EndOfRun.check(cluster);
            }
        } catch (SimulationFailure failure) {
            end = RunEnd.checkFailed(failure);
            stop = StopReason.STOPPED;
            failures.add(new RunResult.Violation("CHECK", SimTime.toMillis(failure.timeNanos()),
                    failure.eventIndex(), failure.getMessage()));
        }
        injector.finish();
        if (options.traceSink() != null) {
            options.traceSink().finish();
        }
        List<RunResult.Violation> violations = modelViolations(cluster);
        violations.addAll(failures);
        violations.addAll(history.finish(cluster, stop, violations));
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000L;
        RunResult result = assemble(spec, cluster, injector.ledger(), end, resolved,
                wallMillis, violations);
        return new RunOutcome(result, plan, spec.ordering(), cluster, injector.ledger());
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

    /** A run with actors and no task workload reports its actor tasks as its tasks. */
    private static RunResult.Tasks actorTasks(Cluster cluster) {
        RayActors actors = cluster.rayActors();
        return actors == null ? new RunResult.Tasks(0, 0, 0, 0, 0, 0)
                : new RunResult.Tasks(actors.submitted(), actors.completed(), actors.failed(),
                        actors.lostAttempts(), actors.retries(), actors.pending());
    }

    private static RunResult assemble(RunSpec spec, Cluster cluster, FaultLedger ledger,
            RunEnd end, Map<String, Object> resolved, long wallMillis,
            List<RunResult.Violation> violations) {
        Simulation sim = cluster.sim();
        int down = 0;
        int drained = 0;
        int disconnected = 0;
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            down += cluster.node(slot).status() == NodeStatus.DOWN ? 1 : 0;
            disconnected += cluster.node(slot).status() == NodeStatus.DISCONNECTED ? 1 : 0;
            drained += cluster.node(slot).lastDrain() == LastDrainStatus.COMPLETE ? 1 : 0;
        }
        int killed = ledger.killedNodes().size() + ledger.agentKilledNodes().size();
        RunResult.Nodes nodes = new RunResult.Nodes(cluster.nodeSlotCount(), killed, down, drained,
                disconnected);
        RayWorkload ray = cluster.ray();
        RunResult.Tasks tasks = ray == null ? actorTasks(cluster)
                : new RunResult.Tasks(ray.submitted(), ray.completed(), ray.failed(),
                        ray.lostAttempts(), ray.retries(), ray.pending());
        Map<String, Integer> running = new LinkedHashMap<>();
        Map<String, Integer> unknown = new LinkedHashMap<>();
        for (JobType type : JobType.values()) {
            running.put(type.jsonName(), 0);
            unknown.put(type.jsonName(), 0);
        }
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (!alloc.isTerminal() && alloc.client() == ClientStatus.RUNNING) {
                running.merge(alloc.job().type().jsonName(), 1, Integer::sum);
            } else if (!alloc.isTerminal() && alloc.client() == ClientStatus.UNKNOWN) {
                unknown.merge(alloc.job().type().jsonName(), 1, Integer::sum);
            }
        }
        Map<String, io.schedsim.core.metrics.PercentileSummary> latency = new LinkedHashMap<>();
        for (String name : List.of("taskCompletion", "failureDetection", "drainDuration")) {
            latency.put(name, sim.metrics().summary(name));
        }
        RunResult.Faults faults = new RunResult.Faults(ledger.planned(),
                new TreeMap<>(ledger.fired()), new TreeMap<>(ledger.skipped()));
        return new RunResult(spec.scenario().name(), spec.seed(), spec.variantName(),
                spec.config().asMap(), resolved, TraceHash.hex(sim.traceHash()), sim.eventCount(),
                SimTime.toMillis(sim.nowNanos()), wallMillis, end.reason().name(), end.detail(),
                nodes, tasks, faults, new RunResult.Allocations(running, unknown), latency,
                violations);
    }
}
