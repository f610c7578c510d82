package io.schedsim.prop.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.inject.FaultInjector;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.EndOfRun;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.task.RayWorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Small real clusters with one fault plan, for the fault-effect tests: Nomad clusters (TTL
 * heartbeats, spread placement, no head) and Ray clusters (health checks, a 0-CPU head at slot 0).
 * A hook runs test code at a simulated instant, after the faults planned for that instant.
 */
final class FaultClusters {
    static final long NODE_CPU_MILLI = 4_000;
    static final long NODE_MEM_MB = 8_192;
    static final double JOBS_AT_SECONDS = 1;

    final Cluster cluster;
    final FaultInjector injector;
    private final List<Runnable> hooks = new ArrayList<>();
    private final int hookKind;

    private FaultClusters(Cluster cluster, FaultPlan plan) {
        this.cluster = cluster;
        this.injector = FaultInjector.install(cluster.sim(), cluster, plan);
        this.hookKind = cluster.sim().registerKind("test-hook",
                (entity, payload) -> hooks.get(entity).run());
    }

    /** Nomad family: TTL heartbeats (N-24), spread placement so jobs cover several nodes. */
    static ClusterConfig nomadConfig() {
        ClusterConfig config = new ClusterConfig();
        config.detector = DetectorPolicy.NOMAD_TTL;
        config.nomadPlacement = PlacementKind.SPREAD;
        return config;
    }

    /** Ray family: pull health checks and the CI chaos fixture's retry delay (§7). */
    static ClusterConfig rayConfig() {
        ClusterConfig config = new ClusterConfig();
        config.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        config.taskRetryDelayMillis = 100;
        return config;
    }

    /** {@code nodes} equal nodes at slots 0.., started, plan installed, the jobs registered. */
    static FaultClusters nomad(long seed, ClusterConfig config, int nodes, List<JobSpec> jobs,
            FaultAction... actions) {
        return nomad(seed, config, nodes, cluster -> { }, jobs, actions);
    }

    /**
     * As above; the jobs are registered at 1 s, once every node has registered (so spread
     * placement sees them all), right after {@code beforeJobs} ran.
     */
    static FaultClusters nomad(long seed, ClusterConfig config, int nodes,
            Consumer<Cluster> beforeJobs, List<JobSpec> jobs, FaultAction... actions) {
        Cluster cluster = Cluster.create(new Simulation(seed), config, ModelComponents.defaults());
        for (int i = 0; i < nodes; i++) {
            cluster.addNode(NODE_CPU_MILLI, NODE_MEM_MB, false);
        }
        cluster.start();
        FaultClusters run = new FaultClusters(cluster, FaultPlan.of(actions));
        run.runUntil(JOBS_AT_SECONDS);
        beforeJobs.accept(cluster);
        for (JobSpec job : jobs) {
            cluster.state().registerJob(job);
        }
        return run;
    }

    /** A 0-CPU head at slot 0, {@code workers} workers at 1.., an optional Ray workload. */
    static FaultClusters ray(long seed, ClusterConfig config, int workers, RayWorkloadSpec spec,
            FaultAction... actions) {
        Cluster cluster = Cluster.create(new Simulation(seed), config, ModelComponents.defaults());
        cluster.addNode(0, NODE_MEM_MB, true);
        for (int i = 0; i < workers; i++) {
            cluster.addNode(NODE_CPU_MILLI, NODE_MEM_MB, false);
        }
        if (spec != null) {
            cluster.setRayWorkload(spec);
        }
        cluster.start();
        return new FaultClusters(cluster, FaultPlan.of(actions));
    }

    /** Ray tasks of 1 CPU without children, each holding its CPU for {@code holdSeconds}. */
    static RayWorkloadSpec flatTasks(int tasks, long holdSeconds, int maxRetries) {
        return new RayWorkloadSpec(tasks, SimTime.seconds(holdSeconds), false, 0, 1_000,
                maxRetries, SimTime.seconds(1));
    }

    /** Runs {@code hook} at {@code seconds}, after the faults planned for that instant. */
    FaultClusters at(double seconds, Runnable hook) {
        hooks.add(hook);
        cluster.sim().schedule(SimTime.seconds(seconds), hookKind, hooks.size() - 1, 0);
        return this;
    }

    FaultClusters runUntil(double seconds) {
        cluster.sim().runUntil(SimTime.seconds(seconds));
        return this;
    }

    Job job(String name) {
        for (Job job : cluster.state().jobs()) {
            if (job.name().equals(name)) {
                return job;
            }
        }
        throw new IllegalArgumentException("no job " + name);
    }

    List<Alloc> allocs(Job job) {
        List<Alloc> allocs = new ArrayList<>();
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.job() == job) {
                allocs.add(alloc);
            }
        }
        return allocs;
    }

    /** Allocations of the job that the server sees running and wants running. */
    List<Alloc> running(Job job) {
        List<Alloc> running = new ArrayList<>();
        for (Alloc alloc : allocs(job)) {
            if (!alloc.isTerminal() && alloc.client() == ClientStatus.RUNNING) {
                running.add(alloc);
            }
        }
        return running;
    }

    List<Alloc> runningOn(Job job, int slot) {
        List<Alloc> on = new ArrayList<>();
        for (Alloc alloc : running(job)) {
            if (alloc.node() == slot) {
                on.add(alloc);
            }
        }
        return on;
    }

    /** The allocations whose {@code previousAlloc} is {@code alloc}. */
    List<Alloc> replacementsOf(Alloc alloc) {
        List<Alloc> replacements = new ArrayList<>();
        for (Alloc other : cluster.state().allocs().all()) {
            if (other.previousAlloc() == alloc.id()) {
                replacements.add(other);
            }
        }
        return replacements;
    }

    /** Times (nanos) of the node's history events of {@code kind}, in order. */
    List<Long> eventTimes(int slot, NodeEvent.Kind kind) {
        List<Long> times = new ArrayList<>();
        for (NodeEvent event : cluster.nodeEvents()) {
            if (event.node() == slot && event.kind() == kind) {
                times.add(event.atNanos());
            }
        }
        return times;
    }

    /** First event of {@code kind} on the node at or after {@code fromSeconds}, or -1. */
    long firstEvent(int slot, NodeEvent.Kind kind, double fromSeconds) {
        for (long at : eventTimes(slot, kind)) {
            if (at >= SimTime.seconds(fromSeconds)) {
                return at;
            }
        }
        return -1;
    }

    /** Slots that went down (DOWN / DEAD) at least once. */
    List<Integer> everDown() {
        List<Integer> down = new ArrayList<>();
        for (NodeEvent event : cluster.nodeEvents()) {
            if (event.kind() == NodeEvent.Kind.DOWN && !down.contains(event.node())) {
                down.add(event.node());
            }
        }
        return down;
    }

    /** Ledger detail of the fired entry of action {@code index} (one node). */
    String firedDetail(int index) {
        return injector.ledger().entries().stream()
                .filter(e -> e.actionIndex() == index)
                .map(e -> e.outcome().label() + ": " + e.detail())
                .reduce((a, b) -> a + "; " + b).orElse("no entry for action " + index);
    }

    void assertNoViolations() {
        assertTrue(cluster.monitor().violations().isEmpty(),
                () -> "violations: " + cluster.monitor().violations() + "\nledger:\n"
                        + injector.ledger().describe());
    }

    /** Quiescent, and the end-of-run checks (INV-17 audit, INV-24, INV-25, INV-27) pass. */
    void assertSettled() {
        assertNoViolations();
        assertTrue(EndOfRun.isQuiescent(cluster), "cluster not quiescent at "
                + SimTime.format(cluster.nowNanos()));
        EndOfRun.check(cluster);
        assertNoViolations();
    }

    void assertRunning(Job job, int expected) {
        assertEquals(expected, running(job).size(), () -> job + " running: " + running(job)
                + "\nall: " + allocs(job));
    }

    static double seconds(long nanos) {
        return nanos / (double) SimTime.NANOS_PER_SECOND;
    }
}
