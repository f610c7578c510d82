package io.schedsim.model.sched;

import io.schedsim.model.state.Job;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.ArrayDeque;

/**
 * Pending, in-flight and blocked evaluations. Like Nomad's broker, at most one eval per job is
 * in flight; a second pending eval for a job already pending is coalesced (the later plan sees the
 * newer state anyway). Blocked evals wait for capacity (a node turning Ready or freeing resources).
 */
public final class EvalBroker {
    private final ArrayDeque<Evaluation> pending = new ArrayDeque<>();
    private final IntOpenHashSet pendingJobs = new IntOpenHashSet();
    private final IntOpenHashSet inFlightJobs = new IntOpenHashSet();
    private final ObjectArrayList<Evaluation> blocked = new ObjectArrayList<>();
    private int nextId;
    private long created;
    private long unblockIndex;

    /** Creates a pending eval unless one for the job is already pending; null if coalesced. */
    public Evaluation enqueue(Job job, String triggeredBy, int node, long now) {
        if (pendingJobs.contains(job.id())) {
            return null;
        }
        Evaluation eval = new Evaluation(nextId++, job, triggeredBy, node, now);
        created++;
        requeue(eval);
        removeBlocked(job.id());
        return eval;
    }

    /** The pending eval of job {@code jobId}, or null (cold: a scan of the pending queue). */
    public Evaluation pendingOf(int jobId) {
        for (Evaluation eval : pending) {
            if (eval.job.id() == jobId) {
                return eval;
            }
        }
        return null;
    }

    /** Puts an existing eval back (plan rejected or lost in a failover). */
    public void requeue(Evaluation eval) {
        if (pendingJobs.add(eval.job.id())) {
            pending.addLast(eval);
        }
    }

    /** The oldest pending eval whose job has none in flight, or null. */
    public Evaluation dequeue() {
        int n = pending.size();
        for (int i = 0; i < n; i++) {
            Evaluation eval = pending.pollFirst();
            if (!inFlightJobs.contains(eval.job.id())) {
                pendingJobs.remove(eval.job.id());
                inFlightJobs.add(eval.job.id());
                return eval;
            }
            pending.addLast(eval);
        }
        return null;
    }

    /** The worker is done with {@code eval} (acked, failed or blocked). */
    public void finish(Evaluation eval) {
        inFlightJobs.remove(eval.job.id());
    }

    /**
     * Blocks {@code eval} until capacity changes, unless it already changed after the eval's
     * snapshot: then the eval is pending again at once, as Nomad's blocked-evals tracker does
     * for a missed unblock (nomad:nomad/blocked_evals.go), so a node that turned Ready while the
     * plan was in flight is not waited for forever (INV-24).
     */
    public void block(Evaluation eval) {
        removeBlocked(eval.job.id());
        if (eval.snapshotUnblockIndex < unblockIndex) {
            requeue(eval);
            return;
        }
        blocked.add(eval);
    }

    /** Moves every blocked eval back to pending (capacity changed; nomad#27488). */
    public int unblockAll() {
        unblockIndex++;
        int n = blocked.size();
        for (int i = 0; i < n; i++) {
            requeue(blocked.get(i));
        }
        blocked.clear();
        return n;
    }

    private void removeBlocked(int jobId) {
        for (int i = blocked.size() - 1; i >= 0; i--) {
            if (blocked.get(i).job.id() == jobId) {
                blocked.remove(i);
            }
        }
    }

    /** Counts capacity changes (calls of {@link #unblockAll}); an eval's plan snapshots it. */
    public long unblockIndex() {
        return unblockIndex;
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    public int pendingCount() {
        return pending.size();
    }

    public int inFlightCount() {
        return inFlightJobs.size();
    }

    public int blockedCount() {
        return blocked.size();
    }

    public long createdCount() {
        return created;
    }
}
