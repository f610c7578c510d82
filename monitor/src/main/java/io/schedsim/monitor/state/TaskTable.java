package io.schedsim.monitor.state;

import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.PlacementStrategy;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;

/**
 * The monitor's record of every Ray task, indexed densely in submission order: owner, retry
 * budget, its latest attempt's number, state and node, and the failures it has taken, split into
 * counted ones and ones caused by preemption (R-3, judged from the node's death, R-11). Written
 * only by {@link State}.
 */
public final class TaskTable {
    private final IdIndex indexById = new IdIndex();
    private final ObjectArrayList<IntArrayList> runningByNode = new ObjectArrayList<>();
    private int count;
    private long[] id = new long[32];
    private int[] parent = new int[32];
    private int[] maxRetries = new int[32];
    private boolean[] retryExceptions = new boolean[32];
    private ErrorType[] lastError = new ErrorType[32];
    private int[] oomRetries = new int[32];
    private int[] oomFailures = new int[32];
    private long[] cpuMilli = new long[32];
    private int[] attempts = new int[32];
    private AttemptState[] state = new AttemptState[32];
    private int[] node = new int[32];
    private boolean[] finishedEver = new boolean[32];
    private int[] countedFailures = new int[32];
    private int[] preemptedFailures = new int[32];
    private ErrorType[] resolved = new ErrorType[32];
    private boolean[] cancelCalled = new boolean[32];
    // What a task asks of placement beyond its CPU (task-placement-configured, R-12, R-14);
    // a task without that event asks for CPU only, under DEFAULT.
    private long[] memMb = new long[32];
    private int[] resource = new int[32];
    private long[] resourceMilli = new long[32];
    private PlacementStrategy[] strategy = new PlacementStrategy[32];
    private int[] targetNode = new int[32];
    private boolean[] soft = new boolean[32];
    private int driverTasks;
    private int driverResolved;
    private long lastDriverResolvedAt = Time.NOT_YET;

    /** The index of task {@code taskId}, or -1. */
    public int index(long taskId) {
        return indexById.get(taskId);
    }

    public int count() {
        return count;
    }

    int submit(long taskId, int parentIndex, int retries, boolean retryExceptionsOn,
            int oomBudget, long cpu) {
        if (count == id.length) {
            grow();
        }
        int t = count++;
        indexById.put(taskId, t);
        id[t] = taskId;
        parent[t] = parentIndex;
        maxRetries[t] = retries;
        retryExceptions[t] = retryExceptionsOn;
        oomRetries[t] = oomBudget;
        cpuMilli[t] = cpu;
        node[t] = -1;
        resource[t] = -1;
        strategy[t] = PlacementStrategy.DEFAULT;
        targetNode[t] = -1;
        driverTasks += parentIndex < 0 ? 1 : 0;
        return t;
    }

    /**
     * The task's task-placement-configured: memory, custom resource {@code resourceId} (an id of
     * {@link CustomResources}, -1 for none) and strategy; {@code target} is a node id, kept as an
     * id since a NODE_AFFINITY target need not be a node the history knows.
     */
    void placement(int t, long mem, int resourceId, long amountMilli, PlacementStrategy how,
            int target, boolean isSoft) {
        memMb[t] = mem;
        resource[t] = resourceId;
        resourceMilli[t] = amountMilli;
        strategy[t] = how;
        targetNode[t] = target;
        soft[t] = isSoft;
    }

    void attempt(int t, int attempt, int nodeIndex, AttemptState next) {
        attempts[t] = Math.max(attempts[t], attempt + 1);
        state[t] = next;
        if (nodeIndex >= 0) {
            node[t] = nodeIndex;
        }
        if (next == AttemptState.RUNNING && nodeIndex >= 0) {
            while (runningByNode.size() <= nodeIndex) {
                runningByNode.add(new IntArrayList());
            }
            IntArrayList list = runningByNode.get(nodeIndex);
            list.add(t);
            // Amortised compaction: entries of attempts that moved on are dropped whenever the
            // list reaches the next power of two, so it stays within twice its live size.
            if (list.size() >= 64 && Integer.bitCount(list.size()) == 1) {
                runningOn(nodeIndex);
            }
        }
        finishedEver[t] |= next == AttemptState.FINISHED;
    }

    void failure(int t, ErrorType error, boolean counted, boolean preempted) {
        lastError[t] = error;
        oomFailures[t] += error == ErrorType.OUT_OF_MEMORY ? 1 : 0;
        countedFailures[t] += counted ? 1 : 0;
        preemptedFailures[t] += preempted ? 1 : 0;
    }

    void resolve(int t, ErrorType error, long now) {
        resolved[t] = error;
        if (parent[t] < 0) {
            driverResolved++;
            lastDriverResolvedAt = now;
        }
    }

    public long id(int t) {
        return id[t];
    }

    /** The owning task's index, or -1 for a task the driver owns. */
    public int parent(int t) {
        return parent[t];
    }

    public int maxRetries(int t) {
        return maxRetries[t];
    }

    /** The task's retry_exceptions: whether an application error may be retried. */
    public boolean retryExceptions(int t) {
        return retryExceptions[t];
    }

    /** The task's OOM budget, task_oom_retries: -1 unlimited. */
    public int oomRetries(int t) {
        return oomRetries[t];
    }

    /** OOM kills so far: never counted against max_retries. */
    public int oomFailures(int t) {
        return oomFailures[t];
    }

    /** Why the task's latest failed attempt FAILED, or null before any failure. */
    public ErrorType lastError(int t) {
        return lastError[t];
    }

    public long cpuMilli(int t) {
        return cpuMilli[t];
    }

    /** Memory the task asks for, MiB; 0 for none. */
    public long memMb(int t) {
        return memMb[t];
    }

    /** The custom resource the task asks for, an id of {@link CustomResources}, or -1. */
    public int resource(int t) {
        return resource[t];
    }

    /** How much of {@link #resource} the task asks for, thousandths of a unit; 0 for none. */
    public long resourceMilli(int t) {
        return resourceMilli[t];
    }

    public PlacementStrategy strategy(int t) {
        return strategy[t];
    }

    /** The NODE_AFFINITY target's node id (not index), or -1. */
    public int targetNode(int t) {
        return targetNode[t];
    }

    /** NODE_AFFINITY's soft flag: false for a hard affinity and for other strategies. */
    public boolean soft(int t) {
        return soft[t];
    }

    /** A hard NODE_AFFINITY: only its target may take it, or it fails TASK_UNSCHEDULABLE. */
    public boolean hardAffinity(int t) {
        return strategy[t] == PlacementStrategy.NODE_AFFINITY && !soft[t];
    }

    /** Attempts created so far; the next one must carry this number (INV-18). */
    public int attempts(int t) {
        return attempts[t];
    }

    /** State of the latest attempt, or null before the first. */
    public AttemptState state(int t) {
        return state[t];
    }

    /** Node index of the latest attempt that had one, or -1. */
    public int node(int t) {
        return node[t];
    }

    public boolean finishedEver(int t) {
        return finishedEver[t];
    }

    /**
     * Failures that consume max_retries: system failures not caused by preemption, and
     * application errors of a task with retry_exceptions on.
     */
    public int countedFailures(int t) {
        return countedFailures[t];
    }

    public int preemptedFailures(int t) {
        return preemptedFailures[t];
    }

    /** How the owner resolved the task (NONE for a value), or null while unresolved. */
    public ErrorType resolved(int t) {
        return resolved[t];
    }

    /**
     * True once {@code ray.cancel} was called on the task, or, recursively, on an ancestor while
     * the task was unresolved: it never gets another attempt.
     */
    public boolean cancelCalled(int t) {
        return cancelCalled[t];
    }

    /**
     * A {@code task-cancel-call} on task {@code t}; with {@code recursive} every unresolved
     * descendant is cancelled too (a child is submitted after its parent: a higher index).
     */
    void cancel(int t, boolean recursive) {
        cancelCalled[t] = true;
        if (!recursive) {
            return;
        }
        boolean[] inCall = new boolean[count];
        inCall[t] = true;
        for (int u = t + 1; u < count; u++) {
            if (parent[u] >= 0 && inCall[parent[u]] && resolved[u] == null) {
                inCall[u] = true;
                cancelCalled[u] = true;
            }
        }
    }

    public int driverTasks() {
        return driverTasks;
    }

    public int driverResolved() {
        return driverResolved;
    }

    /** When the last driver-owned task was resolved, or {@link Time#NOT_YET}. */
    public long lastDriverResolvedAt() {
        return lastDriverResolvedAt;
    }

    /**
     * Tasks whose latest attempt is RUNNING on node index {@code n}. The list is compacted here,
     * so entries that moved on are dropped; the result is valid until the next state change.
     */
    public IntArrayList runningOn(int n) {
        if (n >= runningByNode.size()) {
            return new IntArrayList(0);
        }
        IntArrayList list = runningByNode.get(n);
        int kept = 0;
        for (int k = 0; k < list.size(); k++) {
            int t = list.getInt(k);
            if (state[t] == AttemptState.RUNNING && node[t] == n && !contains(list, kept, t)) {
                list.set(kept++, t);
            }
        }
        list.size(kept);
        return list;
    }

    private static boolean contains(IntArrayList list, int end, int value) {
        for (int k = 0; k < end; k++) {
            if (list.getInt(k) == value) {
                return true;
            }
        }
        return false;
    }

    private void grow() {
        int n = id.length * 2;
        id = Arrays.copyOf(id, n);
        parent = Arrays.copyOf(parent, n);
        maxRetries = Arrays.copyOf(maxRetries, n);
        retryExceptions = Arrays.copyOf(retryExceptions, n);
        lastError = Arrays.copyOf(lastError, n);
        oomRetries = Arrays.copyOf(oomRetries, n);
        oomFailures = Arrays.copyOf(oomFailures, n);
        cpuMilli = Arrays.copyOf(cpuMilli, n);
        attempts = Arrays.copyOf(attempts, n);
        state = Arrays.copyOf(state, n);
        node = Arrays.copyOf(node, n);
        finishedEver = Arrays.copyOf(finishedEver, n);
        countedFailures = Arrays.copyOf(countedFailures, n);
        preemptedFailures = Arrays.copyOf(preemptedFailures, n);
        resolved = Arrays.copyOf(resolved, n);
        cancelCalled = Arrays.copyOf(cancelCalled, n);
        memMb = Arrays.copyOf(memMb, n);
        resource = Arrays.copyOf(resource, n);
        resourceMilli = Arrays.copyOf(resourceMilli, n);
        strategy = Arrays.copyOf(strategy, n);
        targetNode = Arrays.copyOf(targetNode, n);
        soft = Arrays.copyOf(soft, n);
    }
}
