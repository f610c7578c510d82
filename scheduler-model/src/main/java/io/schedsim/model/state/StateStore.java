package io.schedsim.model.state;

import io.schedsim.core.check.Check;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobUpdate;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeEvent;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The servers' state and its write operations: nodes as the servers see them (status aside, which
 * is the control plane's verdict), jobs, allocations, eligibility, drains and reservations.
 * Pluggable components change state only through these methods, and the safety invariants that
 * such a component could break are checked here, at the transition ({@link TransitionChecks}), so
 * a wrong component is caught at the event that misbehaved. Every change is published to the
 * run's history ({@link StoreHistory}, docs/history.md) and then reported to the
 * {@link StateListener}; the store itself calls no component.
 */
public final class StateStore implements StateView {
    private final Simulation sim;
    private final StateListener listener;
    private final TransitionChecks checks;
    private final StoreHistory history;
    private final Allocs allocs;
    private final ObjectArrayList<Job> jobs = new ObjectArrayList<>();
    private final List<Job> jobsView = Collections.unmodifiableList(jobs);
    private final ObjectArrayList<Node> nodes = new ObjectArrayList<>();

    StateStore(Simulation sim, InvariantMonitor monitor, StateListener listener,
            HistoryPort history) {
        this.sim = sim;
        this.listener = listener;
        this.history = new StoreHistory(history);
        this.allocs = new Allocs(monitor, this.history);
        this.checks = new TransitionChecks(monitor, this);
    }

    @Override
    public Node node(int slot) {
        return nodes.get(slot);
    }

    @Override
    public int nodeSlotCount() {
        return nodes.size();
    }

    @Override
    public Allocs allocs() {
        return allocs;
    }

    @Override
    public List<Job> jobs() {
        return jobsView;
    }

    void addNode(Node node) {
        nodes.add(node);
        history.nodeRegistered(node);
    }

    /** The events of this store's writes; the node lifecycle publishes through it too. */
    StoreHistory history() {
        return history;
    }

    public Job registerJob(JobSpec spec) {
        Job job = newJob(spec.name(), spec);
        history.jobRegistered(job);
        listener.onJobRegistered(job);
        return job;
    }

    /**
     * N-36: a job with several task groups, one {@link JobSpec} per group (its name is the
     * group's; the type must be the same). Each group gets its own job id, named
     * {@code jobName.group}, and its own evaluation; its events say which group it is. One
     * spec is a job of one group, as {@link #registerJob(JobSpec)} registers it.
     */
    public List<Job> registerJob(String jobName, List<JobSpec> groupSpecs) {
        if (groupSpecs.size() == 1) {
            return List.of(registerJob(groupSpecs.get(0).withName(jobName)));
        }
        List<Job> created = new ArrayList<>();
        for (JobSpec spec : groupSpecs) {
            if (spec.type() != groupSpecs.get(0).type()) {
                throw new IllegalArgumentException("the groups of job " + jobName
                        + " must share a type: " + groupSpecs);
            }
            created.add(newJob(jobName + "." + spec.name(), spec));
        }
        List<Job> groups = List.copyOf(created);
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).setGroups(jobName, groupSpecs.get(g).name(), groups);
            history.jobRegistered(groups.get(g));
        }
        for (Job job : groups) {
            listener.onJobRegistered(job);
        }
        return groups;
    }

    private Job newJob(String name, JobSpec spec) {
        Job job = new Job(jobs.size(), name, spec.type(), spec.count(), spec.cpuMilli(),
                spec.memMb(), spec.migrate(), spec.reschedule(), spec.runMillis(),
                spec.stopLatencyMillis(), spec.disconnect(), spec.constraints());
        jobs.add(job);
        return job;
    }

    /**
     * N-36: a new version of the job ({@code job run} of a changed spec, {@code job scale}) or its
     * stop; an evaluation follows. Its allocations keep their versions until a plan updates them
     * in place or replaces them.
     */
    public void updateJob(Job job, JobUpdate update) {
        job.update(update.count(), update.destructive(), update.stop());
        history.jobUpdated(job, update.destructive());
        listener.onJobUpdated(job);
    }

    /**
     * N-36: {@code job stop -purge} (Job.Deregister with Purge, state_store.go DeleteJob): the
     * job is deleted and stopped; its deregister evaluation stops every allocation of it. The
     * allocations stay in the table until they end (Nomad keeps them until garbage collection).
     */
    public void purgeJob(Job job) {
        job.purge();
        history.jobPurged(job);
        listener.onJobUpdated(job);
    }

    /**
     * N-36: a {@code job run} of a purged job registers it afresh (version 0; Nomad's new
     * CreateIndex, which keeps the old allocations out of the new job's view): here a new job
     * id, the purged job's {@link Job#successor()}.
     */
    public Job registerAgain(Job purged) {
        List<Job> old = purged.groups();
        List<JobSpec> specs = new ArrayList<>();
        for (Job group : old) {
            specs.add(group.spec());
        }
        List<Job> again = registerJob(purged.jobName(), specs);
        for (int g = 0; g < old.size(); g++) {
            old.get(g).setSuccessor(again.get(g));
        }
        return purged.successor();
    }

    /** A plan's in-place update (N-36): the allocation runs on, now of the job's version. */
    public void updateInPlace(Alloc alloc) {
        alloc.updateInPlace(sim.nowNanos());
        history.allocUpdatedInPlace(alloc);
    }

    /** Commits a new allocation; the placement gate and the per-type bounds are checked here. */
    public Alloc placeAlloc(Job job, Node node, int previousAlloc, int rescheduleAttempts) {
        long now = sim.nowNanos();
        checks.placement(job, node, previousAlloc);
        if (previousAlloc != Alloc.NONE) {
            Alloc previous = allocs.get(previousAlloc);
            if (previous.client() == ClientStatus.UNKNOWN) {
                previous.setReplacedWhileUnknown();
            }
            previous.setReplaced();
        }
        Alloc alloc = allocs.create(job, node.slot(), previousAlloc, rescheduleAttempts, now);
        alloc.setReserved(true);
        reserve(node, job.cpuMilli(), job.memMb());
        history.allocPlaced(alloc);
        // INV-6 is about drains: once a drain deadline stopped some of a batch job's allocations,
        // no placement, a replacement or a fresh one (nomad#28008), may raise the job's count.
        if (job.type() == JobType.BATCH && job.drainStoppedSome()) {
            checks.batchCount(job);
        }
        listener.onAllocPlaced(alloc);
        return alloc;
    }

    /** Server-side stop (desired stop); the client stops it after its stop latency. */
    public void stopAlloc(Alloc alloc, String reason) {
        if (alloc.desired().isServerTerminal()) {
            return;
        }
        checks.serverStop(alloc, reason);
        allocs.setDesired(alloc, DesiredStatus.STOP, reason, sim.nowNanos());
        releaseResources(alloc);
        listener.onAllocStopped(alloc);
    }

    /**
     * A stale plan's loss (N-23, N-31) of an allocation whose client reported it complete after
     * the plan's snapshot: the servers stop it all the same. Nomad also overwrites
     * its client status with lost (state_store.go {@code DenormalizeAllocationDiffSlice}); the
     * model keeps the client's terminal report (INV-18: complete and failed never change). The
     * plan saw the node down, so no live-node rule judges the stop.
     */
    public void stopAsLost(Alloc alloc) {
        if (alloc.desired().isServerTerminal()) {
            return;
        }
        allocs.setDesired(alloc, DesiredStatus.STOP, "alloc is lost since its node is down",
                sim.nowNanos());
        releaseResources(alloc);
        listener.onAllocStopped(alloc);
    }

    /**
     * Marks an allocation on a down node lost (N-31); resources are released separately. Judged
     * as from a plan made now; a plan applier passes its plan's snapshot time to the overload.
     */
    public void markLost(Alloc alloc) {
        markLost(alloc, sim.nowNanos());
    }

    /**
     * As {@link #markLost(Alloc)} for a plan made from a snapshot at {@code plannedAtNanos}: a
     * stale plan is committed as it is (N-23), so only a migrate mark it could see binds it.
     */
    public void markLost(Alloc alloc, long plannedAtNanos) {
        checks.lost(alloc, plannedAtNanos);
        checks.unknownLost(alloc, sim.nowNanos());
        long now = sim.nowNanos();
        allocs.setDesired(alloc, DesiredStatus.STOP, "alloc is lost since its node is down", now);
        allocs.setClient(alloc, ClientStatus.LOST, now);
        // Lost is client-terminal: a drain of the down node may now be done (N-20).
        listener.onAllocChanged(alloc);
    }

    /**
     * Sends the servers' stop of {@code alloc} to its node's client. {@link #stopAlloc} sends its
     * own; the plan applier sends a lost allocation's once it has settled its reservation.
     */
    public void sendStop(Alloc alloc) {
        Check.that(alloc.desired().isServerTerminal(),
                "stop sent for an allocation the servers still want running", alloc.id());
        if (alloc.reserved()) {
            checks.heldAtStop(alloc, sim.nowNanos());
        }
        listener.onAllocStopped(alloc);
    }

    /**
     * INV-17 findings the end-of-run audit reports: allocations whose reservation outlived them
     * (still held when their stop was sent), even if a later report released it.
     */
    public List<String> reservationsHeldAtStop() {
        return checks.heldAtStop();
    }

    /** Frees the allocation's reservation once (server view: it no longer uses the node). */
    public void releaseResources(Alloc alloc) {
        if (alloc.reserved()) {
            alloc.setReserved(false);
            Node node = node(alloc.node());
            release(node, alloc.job().cpuMilli(), alloc.job().memMb());
            history.allocReleased(alloc);
            listener.onAllocResourcesFreed(node);
        }
    }

    /** The drainer's mark (N-9, N-10, N-11, N-17, N-18), with the checks of INV-4..INV-7. */
    public void markForMigration(Alloc alloc, boolean disablePlacement, boolean byDeadline) {
        checks.migrationMark(alloc, byDeadline);
        boolean visible = !alloc.migrate()
                || (disablePlacement && !alloc.migrateDisablePlacement());
        alloc.markMigrate(disablePlacement, byDeadline, sim.nowNanos());
        if (disablePlacement) {
            alloc.job().setDrainStoppedSome();
        }
        if (visible) {
            history.marked(alloc);
        }
    }

    /** A client status or health report that reached the server. Stale reports are ignored. */
    public void onClientUpdate(Alloc alloc, ClientStatus status, Health health) {
        long now = sim.nowNanos();
        ClientStatus before = alloc.client();
        if (alloc.client().mayBecome(status)) {
            // Running since its first start: a client that reconnects (unknown → running, N-30)
            // reports a task that has run all along, which longest_running compares.
            if (status == ClientStatus.RUNNING && alloc.runningSinceNanos() < 0) {
                alloc.setRunningSinceNanos(now);
            }
            allocs.setClient(alloc, status, now);
        }
        if (health != Health.UNSET && !alloc.health().isSet() && !alloc.client().isTerminal()) {
            checks.health(alloc, health);
            alloc.setHealth(health);
            history.health(alloc);
        }
        if (alloc.client().isTerminal()) {
            releaseResources(alloc);
        }
        listener.onAllocChanged(alloc);
        if (before == ClientStatus.UNKNOWN && alloc.client() != ClientStatus.UNKNOWN) {
            listener.onAllocReconnected(alloc);
        }
    }

    /**
     * N-30, N-31: an allocation on a disconnected node whose group has lost_after becomes
     * {@code unknown}; it keeps its reservation (the client may still run it). INV-15 checked.
     */
    public void markUnknown(Alloc alloc) {
        checks.unknown(alloc);
        allocs.setClient(alloc, ClientStatus.UNKNOWN, sim.nowNanos());
        listener.onAllocChanged(alloc);
    }

    /** Reserves capacity on a node (server view: allocations and task leases); INV-17 checked. */
    public void reserve(Node node, long cpuMilli, long memMb) {
        node.addUsage(cpuMilli, memMb);
        checks.usage(node, true);
        listener.onReserved(node);
    }

    /** Releases a reservation; INV-17 checked. */
    public void release(Node node, long cpuMilli, long memMb) {
        node.addUsage(-cpuMilli, -memMb);
        checks.usage(node, false);
        listener.onReleased(node);
    }

    /**
     * Reserves a Ray lease: CPU and memory as {@link #reserve}, and the request's memory and
     * custom resource in Ray's own accounting; INV-17 checked for each, and a custom
     * resource the node does not have at all is flagged (INV-17: nothing to reserve it from).
     */
    public void reserveRay(Node node, long cpuMilli, long memMb, String resource,
            long resourceMilli) {
        node.addUsage(cpuMilli, memMb);
        if (!node.addRayUsage(memMb, resource, resourceMilli)) {
            checks.missingResource(node, resource);
        }
        checks.usage(node, true);
        checks.rayUsage(node, resource);
        listener.onReserved(node);
    }

    /** Releases a Ray lease's reservation ({@link #reserveRay}); INV-17 checked. */
    public void releaseRay(Node node, long cpuMilli, long memMb, String resource,
            long resourceMilli) {
        node.addUsage(-cpuMilli, -memMb);
        node.addRayUsage(-memMb, resource, -resourceMilli);
        checks.usage(node, false);
        checks.rayUsage(node, resource);
        listener.onReleased(node);
    }

    /** The servers received a heartbeat of {@code node} now (Nomad TTL detection, N-24). */
    public void recordHeartbeat(Node node) {
        node.setLastHeartbeatNanos(sim.nowNanos());
    }

    /** The one place eligibility changes; INV-2 and INV-3 are checked here. */
    public void setEligibility(Node node, boolean eligible, EligibilitySource source) {
        checks.eligibility(node, eligible, source);
        boolean wasEligible = node.eligible();
        node.setEligible(eligible);
        if (wasEligible != eligible) {
            history.eligibility(node, source);
            listener.onNodeEvent(node, eligible ? NodeEvent.Kind.ELIGIBLE
                    : NodeEvent.Kind.INELIGIBLE, source.name().toLowerCase(Locale.ROOT));
        }
        if (!wasEligible && eligible) {
            listener.onNodeBecameEligible(node);
        }
    }

    /**
     * Sets or updates the node's drain (N-1, N-4); the node turns ineligible (N-5). The call is
     * published before the drainer sees it, since a node with nothing to drain completes inside
     * the call (N-17) and the history puts that completion after its call.
     */
    public void updateDrain(Node node, DrainSpec spec) {
        long now = sim.nowNanos();
        long deadline;
        if (spec.isForce()) {
            deadline = now;
        } else if (spec.hasDeadline()) {
            deadline = now + SimTime.millis(spec.deadlineMillis());
        } else {
            deadline = SimTime.NEVER;
        }
        node.drainSet(now, spec.ignoreSystemJobs(), deadline);
        String mode = spec.isForce() ? "force"
                : spec.hasDeadline() ? "deadline " + spec.deadlineMillis() + " ms" : "no deadline";
        listener.onNodeEvent(node, NodeEvent.Kind.DRAIN_SET,
                mode + (spec.ignoreSystemJobs() ? ", ignore-system" : ""));
        if (node.eligible()) {
            setEligibility(node, false, EligibilitySource.DRAIN_SET);
        }
        history.drainSetCall(node, spec);
        listener.onDrainSet(node);
    }

    /**
     * The autoscaler's accepted Ray drain: the node is DRAINING, so no new lease goes there
     * until it dies; nothing else changes, since the deadline is only a hint.
     */
    public void rayDrain(Node node, RayDrainReason reason, long deadlineNanos) {
        node.rayDrainSet(reason, deadlineNanos);
    }

    /**
     * The operator cancels the node's drain, if any (N-8); {@code markEligible} re-enables it
     * (N-2). The call is published as its drain clears, before the cluster reacts to that (Ray may
     * lease there at once); its eligibility change follows in the same step (docs/history.md).
     */
    public void cancelDrain(Node node, boolean markEligible) {
        boolean draining = node.draining();
        if (draining) {
            node.drainEnded(LastDrainStatus.CANCELED, sim.nowNanos());
            history.cancelCall(node, markEligible);
            listener.onNodeEvent(node, NodeEvent.Kind.DRAIN_CANCELED,
                    markEligible ? "mark eligible" : "");
            listener.onDrainCancelled(node);
        }
        if (markEligible && !node.eligible()) {
            setEligibility(node, true, EligibilitySource.DRAIN_DISABLE);
        }
        if (!draining) {
            history.cancelCall(node, markEligible);
        }
    }

    /** The drainer ends a drain; eligibility stays as it is (N-6); INV-8 checked. */
    public void completeDrain(Node node, boolean deadlineReached) {
        if (!node.draining()) {
            return;
        }
        checks.drainCompletion(node, deadlineReached);
        long now = sim.nowNanos();
        node.drainEnded(LastDrainStatus.COMPLETE, now);
        node.setDrainDeadlineReached(deadlineReached);
        history.drainCompleted(node, deadlineReached);
        listener.onNodeEvent(node, NodeEvent.Kind.DRAIN_COMPLETE,
                deadlineReached ? "deadline_reached=true" : "");
        listener.onDrainCompleted(node, now - node.drainStartedNanos());
    }
}
