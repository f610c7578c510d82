package io.schedsim.monitor.nomad;

import io.schedsim.history.ClientStatus;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.history.MigrateMarked;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The drainer's marks, judged at each mark against the drain it belongs to (set, or cleared in
 * this very step) and the monitor's clock. A mark is a deadline mark iff that drain's deadline
 * has passed, whatever the model claims. INV-4: a paced service mark leaves at least count -
 * max_parallel healthy unmarked allocations job-wide (N-13, N-14, nomad#26175). INV-5: at most
 * max_parallel paced marks of a job wait for their replacement's health (the chain of
 * replacements of a marked allocation resolves once one of them has health; a chain whose
 * last member ended unreplaced (a migration whose placement failed, a replacement lost with its
 * node) continues with the job's next fresh placement, one with no previous allocation, the
 * oldest such mark first, since N-13 counts health job-wide, not along links; a mark of an allocation that is itself an unhealthy replacement in a waiting chain
 * continues that chain, one job slot still waiting, as N-13's count of healthy allocations
 * sees it). INV-6: batch and
 * sysbatch are marked only at the deadline, with migrateDisablePlacement (N-10). INV-7: system
 * allocations only once the rest of the node is client-terminal, or at the deadline, and never
 * under ignore-system (N-11, N-17).
 */
public final class MarkGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.MIGRATE_MARKED, EventType.ALLOC_PLACED, EventType.ALLOC_HEALTH_SET);

    private final State state;
    private int[] rootOf = new int[64];
    private boolean[] awaiting = new boolean[64];
    /** Per waiting mark: the latest allocation of its replacement chain, or -1. */
    private int[] tail = new int[64];
    private int[] awaitingByJob = new int[16];

    public MarkGuard(State state) {
        this.state = state;
        Arrays.fill(rootOf, -1);
        Arrays.fill(tail, -1);
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (event instanceof MigrateMarked e && !state.allocs.migrate(state.allocIndex)) {
            judge(e, state.allocIndex);
        }
    }

    @Override
    public void after(HistoryEvent event) {
        switch (state.eventType) {
            case MIGRATE_MARKED -> {
                int a = state.allocIndex;
                if (paced(a, state.eventNanos) && !awaitingAt(a) && !inWaitingChain(a)
                        && !replacedWithHealth(a) && !standInsHealthy(a)) {
                    ensure(a);
                    awaiting[a] = true;
                    awaitingByJob[state.allocs.job(a)]++;
                    // Replaced before its mark (a disconnect reschedule, N-33): the chain it
                    // waits on is the one already placed.
                    for (int r = state.allocs.replacement(a); r >= 0;
                            r = state.allocs.replacement(r)) {
                        ensure(r);
                        rootOf[r] = a;
                        tail[a] = r;
                    }
                }
            }
            case ALLOC_PLACED -> {
                int a = state.allocIndex;
                int previous = state.allocs.previous(a);
                ensure(a);
                int root = previous >= 0 ? (awaitingAt(previous) ? previous : rootAt(previous))
                        : unreplacedMark(state.allocs.job(a));
                rootOf[a] = root >= 0 && awaiting[root] ? root : -1;
                if (rootOf[a] >= 0) {
                    tail[rootOf[a]] = a;
                }
            }
            case ALLOC_HEALTH_SET -> {
                int a = state.allocIndex;
                resolve(rootAt(a));
                // Every waiting mark this one replaces along its previous allocations resolves
                // too: marks may share a chain, and rootOf holds only the latest of them.
                for (int p = state.allocs.previous(a); p >= 0; p = state.allocs.previous(p)) {
                    resolve(p);
                }
            }
            default -> {
                // no other event moves the pacing state
            }
        }
    }

    /**
     * Ends the wait of mark {@code m}, if it waits. Called for the chain root of an allocation
     * that got health and for each of its previous allocations: a healthy allocation is the
     * replacement N-13 waits for of every waiting mark it descends from. Two marks share a chain
     * when an unknown allocation's reschedule replacement is marked first and the unknown
     * original after it (N-33, N-13: the original still counts as healthy until its own mark,
     * so the drainer may mark it while the replacement's replacement has no health; its plan
     * places nothing). Chaos-swarm seeds 593337 and 178041: 100 → 102 → 103 with 102 and then
     * 100 marked; 103's health must end both waits, as watch_jobs.go's healthy count then
     * holds count − max_parallel + 1 again, not only the wait of 100, which the re-filed chain
     * names.
     */
    private void resolve(int m) {
        if (m >= 0 && awaitingAt(m)) {
            awaiting[m] = false;
            awaitingByJob[state.allocs.job(m)]--;
        }
    }

    /** A service mark before its drain's deadline: the drainer's pacing decided it. */
    private boolean paced(int a, long now) {
        int n = state.allocs.node(a);
        return state.jobs.type(state.allocs.job(a)) == JobType.SERVICE
                && state.nodes.drainInStep(n, now) && state.nodes.stepDeadline(n) > now;
    }

    private void judge(MigrateMarked e, int a) {
        AllocTable allocs = state.allocs;
        NodeTable nodes = state.nodes;
        int n = allocs.node(a);
        int j = allocs.job(a);
        JobType type = state.jobs.type(j);
        long now = e.atNanos();
        if (nodes.purged(n)) {
            return; // a mark for a purged node's dropped drain: PurgeGuard's (N-20)
        }
        if (!nodes.drainInStep(n, now)) {
            report(type == JobType.SERVICE ? Invariant.JOB_WIDE_MAX_PARALLEL
                    : type == JobType.SYSTEM ? Invariant.SYSTEM_LAST
                    : Invariant.BATCH_NOT_REPLACED, a, "allocation " + e.alloc() + " (" + type
                    + ") marked for migration on node " + nodes.id(n) + ", which has no drain");
            return;
        }
        long deadline = nodes.stepDeadline(n);
        boolean atDeadline = deadline <= now;
        if (type == JobType.BATCH || type == JobType.SYSBATCH) {
            if (!atDeadline) {
                report(Invariant.BATCH_NOT_REPLACED, a, type + " allocation " + e.alloc()
                        + " marked at " + Time.format(now) + ", before its drain's deadline "
                        + Time.format(deadline));
            } else if (!e.disablePlacement()) {
                report(Invariant.BATCH_NOT_REPLACED, a, type + " allocation " + e.alloc()
                        + " marked at the deadline without migrateDisablePlacement");
            }
        } else if (type == JobType.SYSTEM) {
            judgeSystem(e, a, n, atDeadline);
        } else if (!atDeadline) {
            judgePacing(e, a, j);
        }
    }

    private void judgeSystem(MigrateMarked e, int a, int n, boolean atDeadline) {
        if (state.nodes.stepIgnoreSystem(n)) {
            report(Invariant.SYSTEM_LAST, a, "system allocation " + e.alloc() + " marked by a "
                    + "drain with ignore-system on node " + state.nodes.id(n));
            return;
        }
        if (atDeadline) {
            return;
        }
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int other = here.getInt(k);
            if (state.jobs.type(allocs.job(other)) != JobType.SYSTEM
                    && !allocs.clientTerminal(other)) {
                report(Invariant.SYSTEM_LAST, a, "system allocation " + e.alloc() + " marked "
                        + "while allocation " + allocs.id(other) + " on node "
                        + state.nodes.id(n) + " is " + allocs.client(other));
                return;
            }
        }
    }

    private void judgePacing(MigrateMarked e, int a, int j) {
        AllocTable allocs = state.allocs;
        JobRegistered spec = state.jobs.spec(j);
        IntArrayList ofJob = state.jobs.allocs(j);
        int healthyUnmarked = 0;
        for (int k = 0; k < ofJob.size(); k++) {
            int other = ofJob.getInt(k);
            if (other != a && !allocs.terminal(other) && !allocs.migrate(other)
                    && allocs.hasHealth(other)) {
                healthyUnmarked++;
            }
        }
        int count = state.jobs.count(j);
        int floor = count - spec.maxParallel();
        if (healthyUnmarked < floor) {
            report(Invariant.JOB_WIDE_MAX_PARALLEL, a, "paced mark of allocation " + e.alloc()
                    + " leaves " + healthyUnmarked + " healthy unmarked allocations of "
                    + state.jobs.describe(j) + ", below count " + count + " - max_parallel "
                    + spec.maxParallel());
        }
        int inFlight = (j < awaitingByJob.length ? awaitingByJob[j] : 0)
                + (inWaitingChain(a) || replacedWithHealth(a) ? 0 : 1);
        if (inFlight > spec.maxParallel() + doubleCounted(j)) {
            report(Invariant.PACING_WAITS_FOR_HEALTH, a, "paced mark of allocation "
                    + e.alloc() + " makes " + inFlight + " marked allocations of "
                    + state.jobs.describe(j) + " wait for a healthy replacement, max_parallel "
                    + spec.maxParallel());
        }
    }

    /** The oldest waiting mark of job {@code j} whose chain has no live member, or -1. */
    private int unreplacedMark(int j) {
        if (j >= awaitingByJob.length || awaitingByJob[j] == 0) {
            return -1;
        }
        IntArrayList ofJob = state.jobs.allocs(j);
        for (int k = 0; k < ofJob.size(); k++) {
            int m = ofJob.getInt(k);
            if (awaitingAt(m) && (tail[m] < 0 || state.allocs.terminal(tail[m]))) {
                return m;
            }
        }
        return -1;
    }

    /**
     * N-13 counts an unknown allocation that still has health as healthy (watch_jobs.go
     * {@code handleTaskGroup}: not terminal, {@code HasHealth()}, not marked; unknown is not a
     * terminal client status), and the reconciler has usually placed something in its stead, so
     * the drainer may run ahead of health by as many such allocations as the group holds beyond
     * its count. The slack is what N-13's formula allows: a
     * mark needs healthy ≥ count − max_parallel + 1, healthy ≤ U + K − W', where U counts the
     * unknown unmarked allocations with health, K the other live unmarked ones (this one
     * included) and W' the waiting marks whose latest replacement is among K (it has no health:
     * they all wait); so the waiting marks W ≤ max_parallel + U + K − count + (W − W') − 1 before
     * this mark. Whether the stand-in is linked to the unknown allocation does not matter
     * (chaos-swarm seed 826: linked disconnect replacements 102, 103; seed 11795: the links led
     * to replacements a first reconnect had stopped, and the second disconnect placed fresh
     * allocations 21, 22, linked to nothing; healthy 0, 1, 22 gave a second mark). The same
     * holds for any surplus: a group running above its count (a reconnected original beside its
     * replacement, seed 374 under killer-takes-last-worker) may have that many more marks in
     * flight, as watch_jobs.go's numToDrain allows. INV-4's formula check above is not relaxed.
     */
    private int doubleCounted(int j) {
        AllocTable allocs = state.allocs;
        IntArrayList ofJob = state.jobs.allocs(j);
        int unknownHealthy = 0;
        int known = 0;
        for (int k = 0; k < ofJob.size(); k++) {
            int o = ofJob.getInt(k);
            if (allocs.terminal(o) || allocs.migrate(o)) {
                continue;
            }
            if (allocs.client(o) != ClientStatus.UNKNOWN) {
                known++;
            } else if (allocs.hasHealth(o)) {
                unknownHealthy++;
            }
        }
        int waitingElsewhere = 0;
        for (int k = 0; k < ofJob.size(); k++) {
            int m = ofJob.getInt(k);
            if (awaitingAt(m) && !knownLiveUnmarked(tail[m])) {
                waitingElsewhere++;
            }
        }
        return Math.max(0, unknownHealthy + known - state.jobs.count(j) + waitingElsewhere);
    }

    /** True if {@code a} is an allocation that N-13's count of live unmarked ones sees. */
    private boolean knownLiveUnmarked(int a) {
        return a >= 0 && !state.allocs.terminal(a) && !state.allocs.migrate(a)
                && state.allocs.client(a) != ClientStatus.UNKNOWN;
    }

    /**
     * True if {@code a} was replaced before its mark and a member of that chain of replacements
     * already has health: an unknown allocation replaced as a reschedule (N-33) and then marked
     * by a drain of its disconnected node. Nothing waits on that mark: the reconciler places no
     * migration for an unknown allocation on a disconnected node (filters.go files it untainted
     * before it looks at the mark), and N-13's count already holds its healthy replacement, so
     * the drainer may mark several such allocations at once (chaos-swarm seed 59: four unknown
     * allocations with four healthy replacements, count 4, max_parallel 1, healthy 8 → 4 marks).
     */
    private boolean replacedWithHealth(int a) {
        for (int r = state.allocs.replacement(a); r >= 0; r = state.allocs.replacement(r)) {
            if (state.allocs.hasHealth(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if {@code a} is unknown and, besides it, the group already holds its count of live,
     * unmarked, known allocations with health: a stand-in the reconciler placed while {@code a} was unknown
     * (fresh, or along a chain a reconnect cut) is healthy, so nothing will be placed for this
     * mark and N-13 counts nothing more as missing; the mark waits for nothing (guided search,
     * chaos-swarm seed 374: an unknown allocation marked with its fresh stand-in healthy, lost
     * later, held a waiting slot forever and the next drain's mark looked like a second one).
     */
    private boolean standInsHealthy(int a) {
        AllocTable allocs = state.allocs;
        if (allocs.client(a) != ClientStatus.UNKNOWN) {
            // A surplus beside a live allocation still makes its mark wait (INV-4's in-flight
            // bound, MarkGuardTest): only an unknown one has a stand-in.
            return false;
        }
        int j = allocs.job(a);
        IntArrayList ofJob = state.jobs.allocs(j);
        int healthy = 0;
        for (int k = 0; k < ofJob.size(); k++) {
            int o = ofJob.getInt(k);
            if (o != a && !allocs.terminal(o) && !allocs.migrate(o) && allocs.hasHealth(o)
                    && allocs.client(o) != ClientStatus.UNKNOWN) {
                healthy++;
            }
        }
        return healthy >= state.jobs.count(j);
    }

    /** True if {@code a} replaces, along a chain, a paced mark still waiting for health. */
    private boolean inWaitingChain(int a) {
        int root = rootAt(a);
        return root >= 0 && awaiting[root];
    }

    private boolean awaitingAt(int a) {
        return a < awaiting.length && awaiting[a];
    }

    private int rootAt(int a) {
        return a < rootOf.length ? rootOf[a] : -1;
    }

    private void ensure(int a) {
        if (a >= rootOf.length) {
            int old = rootOf.length;
            int size = Math.max(a + 1, old * 2);
            rootOf = Arrays.copyOf(rootOf, size);
            Arrays.fill(rootOf, old, size, -1);
            awaiting = Arrays.copyOf(awaiting, size);
            tail = Arrays.copyOf(tail, size);
            Arrays.fill(tail, old, size, -1);
        }
        int jobs = state.jobs.count();
        if (jobs > awaitingByJob.length) {
            awaitingByJob = Arrays.copyOf(awaitingByJob, Math.max(jobs, awaitingByJob.length * 2));
        }
    }

    private void report(Invariant invariant, int a, String message) {
        AllocTable allocs = state.allocs;
        state.verdicts.report(invariant, state.nodes.id(allocs.node(a)), allocs.id(a), -1,
                state.jobs.id(allocs.job(a)), message);
    }
}
