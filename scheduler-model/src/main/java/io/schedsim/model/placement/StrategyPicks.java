package io.schedsim.model.placement;

import io.schedsim.core.random.SimRandom;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import java.util.Arrays;

/**
 * Ray's policies for requests beyond CPU-only DEFAULT, by a scan of the nodes:
 * O(n log n) per pick, for the few workloads that ask for memory, a custom resource, SPREAD or
 * NODE_AFFINITY (the CPU-only DEFAULT requests of the chaos workloads keep the indexed path).
 *
 * <ul>
 *   <li>DEFAULT with resources (hybrid_scheduling_policy.cc): as {@link HybridRanker}, over the
 *       schedulable nodes whose totals cover the request (and, for an available pick, whose
 *       free amounts do), scored by critical utilisation: the larger of CPU's and memory's,
 *       where memory counts what Ray leases hold (Ray's logical resource; a custom resource is
 *       no critical resource), quantised and truncated below the spread threshold alike.
 *   <li>SPREAD (spread_scheduling_policy.cc): each raylet keeps its own round-robin index over
 *       the nodes not DEAD in id order; from it, the first schedulable node where the request is
 *       available, else (a busy pick) the first feasible one; the index moves past the node
 *       chosen. Draws nothing.
 *   <li>NODE_AFFINITY (node_affinity_scheduling_policy.cc): the target if it is schedulable
 *       (ALIVE, not draining) and feasible, even busy (spill_on_unavailable is false: the
 *       request queues there); otherwise soft falls back to DEFAULT and hard finds nothing,
 *       which the owner turns into TASK_UNSCHEDULABLE (cluster_lease_manager.cc).
 * </ul>
 */
final class StrategyPicks {
    private final StateStore state;
    private final HybridRanker ranker;
    private int[] spreadNext = new int[16];
    /** Scratch: candidates as {@code level << 32 | slot}, sorted to Ray's (score, id) order. */
    private long[] keys = new long[16];
    private int[] round = new int[16];

    StrategyPicks(StateStore state, HybridRanker ranker) {
        this.state = state;
        this.ranker = ranker;
    }

    /** True if the target of a NODE_AFFINITY request can take it, now or once it has room. */
    boolean targetUsable(RayRequest request) {
        return request.usableTarget(state) != null;
    }

    /** DEFAULT (with resources) or SPREAD; {@code available}: the first tier, else the second. */
    int pick(int preferredSlot, RayRequest request, boolean available, SimRandom draws) {
        return switch (request.strategy()) {
            case SPREAD -> spread(preferredSlot, request, available);
            case NODE_AFFINITY -> affinity(request, available);
            case DEFAULT -> hybrid(preferredSlot, request, available, draws);
        };
    }

    /** True if some node would be returned by an available pick; draws nothing. */
    boolean anyAvailable(RayRequest request) {
        if (request.strategy() == RayStrategy.NODE_AFFINITY) {
            Node target = request.usableTarget(state);
            return target != null && request.availableOn(target);
        }
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (node.isRaySchedulable() && request.availableOn(node)) {
                return true;
            }
        }
        return false;
    }

    private int affinity(RayRequest request, boolean available) {
        Node target = request.usableTarget(state);
        if (target == null) {
            return -1;
        }
        return !available || request.availableOn(target) ? target.slot() : -1;
    }

    private int hybrid(int preferredSlot, RayRequest request, boolean available,
            SimRandom draws) {
        int n = 0;
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (!node.isRaySchedulable() || !request.feasibleOn(node)
                    || (available && !request.availableOn(node))) {
                continue;
            }
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
            }
            keys[n++] = ((long) level(node) << 32) | slot;
        }
        if (n == 0) {
            return -1;
        }
        Arrays.sort(keys, 0, n);
        long minLevel = keys[0] >>> 32;
        if (preferredSlot >= 0) {
            for (int i = 0; i < n; i++) {
                if ((int) keys[i] == preferredSlot) {
                    if ((keys[i] >>> 32) <= minLevel) {
                        return preferredSlot;
                    }
                    break;
                }
            }
        }
        int topK = Math.min(ranker.topK(), n);
        return (int) keys[topK == 1 ? 0 : draws.nextInt(topK)];
    }

    /** Critical utilisation's level: CPU's or Ray-leased memory's, whichever is higher. */
    private int level(Node node) {
        int cpu = ranker.level(node.cpuTotalMilli(), node.cpuUsedMilli());
        if (node.memTotalMb() <= 0) {
            return cpu;
        }
        return Math.max(cpu, ranker.level(node.memTotalMb(), node.rayMemUsedMb()));
    }

    private int spread(int raylet, RayRequest request, boolean available) {
        int size = 0;
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            if (state.node(slot).status() != NodeStatus.DOWN) {
                if (size == round.length) {
                    round = Arrays.copyOf(round, size * 2);
                }
                round[size++] = slot;
            }
        }
        if (size == 0) {
            return -1;
        }
        int owner = Math.max(0, raylet);
        if (owner >= spreadNext.length) {
            spreadNext = Arrays.copyOf(spreadNext, Math.max(owner + 1, spreadNext.length * 2));
        }
        int start = spreadNext[owner];
        for (int i = 0; i < size; i++) {
            int index = (start + i) % size;
            Node node = state.node(round[index]);
            if (!node.isRaySchedulable() || !request.feasibleOn(node)
                    || (available && !request.availableOn(node))) {
                continue;
            }
            spreadNext[owner] = (index + 1) % size;
            return node.slot();
        }
        return -1;
    }
}
