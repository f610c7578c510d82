package io.schedsim.prop.scenario.custom;

import io.schedsim.fault.kind.FaultKind;
import io.schedsim.fault.swarm.SwarmRanges;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobType;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.job.ReschedulePolicy;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.InputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Says what a {@link CustomScenario} runs; {@link #build()} checks it and returns the immutable
 * scenario. Defaults: no nodes or jobs (give some), every fault kind allowed in the swarm's own
 * ranges, faults from 20 s to 600 s, 600 s to settle, Nomad TTL heartbeats and spread placement.
 * Not thread-safe; each {@code build()} takes a snapshot.
 */
public final class CustomScenarioBuilder {
    private static final long FAULT_WINDOW_START_MILLIS = 20_000;
    private static final long FAULT_WINDOW_END_MILLIS = 600_000;

    private final String name;
    private String description;
    private final List<NodeGroup> nodeGroups = new ArrayList<>();
    private final List<JobSpec> jobs = new ArrayList<>();
    private RayWorkloadSpec rayWorkload;
    private Set<FaultKind> faultKinds = EnumSet.allOf(FaultKind.class);
    private SwarmRanges faultRanges = SwarmRanges.DEFAULT;
    private long faultWindowStartMillis = FAULT_WINDOW_START_MILLIS;
    private long faultWindowEndMillis = FAULT_WINDOW_END_MILLIS;
    private long settleMillis = FAULT_WINDOW_END_MILLIS;
    private DetectorPolicy detector = DetectorPolicy.NOMAD_TTL;
    private PlacementKind placement = PlacementKind.SPREAD;

    CustomScenarioBuilder(String name) {
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InputException("scenario name '" + name + "': use kebab-case, e.g. "
                    + "my-drain-race");
        }
        this.name = name;
        this.description = "custom scenario " + name;
    }

    /** The one line {@code schedsim scenarios} prints. */
    public CustomScenarioBuilder description(String text) {
        this.description = text;
        return this;
    }

    /** Adds {@code count} worker nodes of {@code cpuMilli} CPU and {@code memMb} memory. */
    public CustomScenarioBuilder nodes(int count, long cpuMilli, long memMb) {
        nodeGroups.add(new NodeGroup(count, cpuMilli, memMb, false));
        return this;
    }

    /** Adds a head node (Ray's driver; destructive faults spare it), usually 0 CPU. */
    public CustomScenarioBuilder head(long cpuMilli, long memMb) {
        nodeGroups.add(new NodeGroup(1, cpuMilli, memMb, true));
        return this;
    }

    /** Adds a job: {@link JobSpec#service}, {@link JobSpec#batch}, {@link JobSpec#system}. */
    public CustomScenarioBuilder job(JobSpec job) {
        jobs.add(job);
        return this;
    }

    /** Adds a sysbatch job: one allocation per node that runs {@code runMillis} once. */
    public CustomScenarioBuilder sysbatchJob(String jobName, long cpuMilli, long memMb,
            long runMillis) {
        return job(new JobSpec(jobName, JobType.SYSBATCH, 0, cpuMilli, memMb,
                MigrateBlock.DEFAULT, ReschedulePolicy.NONE, runMillis, 0));
    }

    /** The Ray task workload (needs a head for the driver, or any node with CPU to spare). */
    public CustomScenarioBuilder rayWorkload(RayWorkloadSpec workload) {
        this.rayWorkload = workload;
        return this;
    }

    /** The fault kinds the swarm may switch on; the seed picks a subset of them per run. */
    public CustomScenarioBuilder faultKinds(FaultKind first, FaultKind... more) {
        this.faultKinds = EnumSet.of(first, more);
        return this;
    }

    /** Bounds on the kills and fault durations the swarm draws. */
    public CustomScenarioBuilder faultRanges(SwarmRanges ranges) {
        this.faultRanges = ranges;
        return this;
    }

    /** Faults fire in {@code [startMillis, endMillis)}; the end is the default of its knob. */
    public CustomScenarioBuilder faultWindowMillis(long startMillis, long endMillis) {
        this.faultWindowStartMillis = startMillis;
        this.faultWindowEndMillis = endMillis;
        return this;
    }

    /** The default of the {@code settleMillis} knob. */
    public CustomScenarioBuilder settleMillis(long millis) {
        this.settleMillis = millis;
        return this;
    }

    /** The failure detector: Nomad's TTL heartbeats (default) or Ray's health checks. */
    public CustomScenarioBuilder detector(DetectorPolicy policy) {
        this.detector = policy;
        return this;
    }

    /** Nomad's placement: spread (default) or bin-pack. */
    public CustomScenarioBuilder placement(PlacementKind kind) {
        this.placement = kind;
        return this;
    }

    /** The scenario; an {@link InputException} names what is missing or out of range. */
    public CustomScenario build() {
        if (nodeGroups.stream().noneMatch(group -> !group.head())) {
            throw new InputException(name + ": add worker nodes (nodes(count, cpu, mem))");
        }
        if (jobs.isEmpty() && rayWorkload == null) {
            throw new InputException(name + ": add a job or a Ray workload");
        }
        if (faultWindowStartMillis < 0 || faultWindowEndMillis <= faultWindowStartMillis
                || faultWindowEndMillis > CustomScenario.DAY_MILLIS) {
            throw new InputException(name + ": the fault window must be a range within one "
                    + "day, got [" + faultWindowStartMillis + ", " + faultWindowEndMillis + ")");
        }
        if (settleMillis < 0 || settleMillis > CustomScenario.DAY_MILLIS) {
            throw new InputException(name + ": settleMillis must be within [0, "
                    + CustomScenario.DAY_MILLIS + "], got " + settleMillis);
        }
        return new CustomScenario(new CustomScenario.Shape(name, description,
                List.copyOf(nodeGroups), List.copyOf(jobs), rayWorkload,
                Collections.unmodifiableSet(EnumSet.copyOf(faultKinds)), faultRanges,
                faultWindowStartMillis, faultWindowEndMillis, settleMillis, detector, placement));
    }
}
