package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.sched.Evaluation;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.sched.Plan;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-31, INV-14, INV-15: the generic reconciler's "expiring" rule comes before "non-terminal
 * allocs marked for migration always migrate" (scheduler/reconciler/filters.go: the rule testing
 * {@code alloc.Expired(now)} precedes the disconnected rules and the migrate rule). So an unknown
 * allocation that a drain marked while its node was disconnected, and whose lost_after has run
 * out, is lost (and replaced, replace or not: it is lost, N-33) when the node is down by the
 * time its job is planned; it is not stopped as a migration. The shape of chaos-swarm seeds 42929
 * and 99889, where the node went down between the expiry and the plan's commit. Here the
 * evaluations planned while the node is still disconnected are dropped (they arrive late), so the
 * node-update evaluation of the down node is the first to plan the expired allocation.
 */
class ExpiredBeforeMigrateTest {
    private static final int NODE = 0;
    private static final long LOST_AFTER_MILLIS = 120_000;

    @Test
    void anExpiredUnknownAllocationMarkedForMigrationIsLostOnADownNode() {
        List<Plan> plans = new ArrayList<>();
        Cluster[] holder = new Cluster[1];
        ModelComponents late = ModelComponents.defaults().withScheduler(
                (context, placement) -> new NomadScheduler(context, placement) {
                    @Override
                    public Plan plan(Evaluation eval) {
                        Cluster cluster = holder[0];
                        boolean markedWhileDisconnected = cluster.node(NODE).status()
                                == NodeStatus.DISCONNECTED
                                && cluster.state().allocs().all().stream()
                                        .anyMatch(Alloc::migrate);
                        Plan plan = markedWhileDisconnected
                                ? new Plan(eval, context.sim().nowNanos(),
                                        context.control().leaderEpoch())
                                : super.plan(eval);
                        plans.add(plan);
                        return plan;
                    }
                });
        Cluster cluster = NomadClusters.started(7, NomadClusters.config(), 2, late);
        holder[0] = cluster;
        Job job = cluster.state().registerJob(JobSpec.service("web", 1, 100, 64).withDisconnect(
                new DisconnectBlock(LOST_AFTER_MILLIS, false, DisconnectBlock.Reconcile.BEST_SCORE)));
        Alloc alloc = cluster.state().placeAlloc(job, cluster.node(NODE), Alloc.NONE, 0);
        cluster.state().onClientUpdate(alloc, ClientStatus.RUNNING, Health.HEALTHY);
        while (cluster.broker().hasPending()) {
            cluster.broker().finish(cluster.broker().dequeue());
        }

        // The host dies: the TTL detector disconnects the node (lost_after, N-27) and the
        // node-update evaluation turns the allocation unknown (N-30).
        cluster.terminateHost(NODE);
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(40));
        assertEquals(NodeStatus.DISCONNECTED, cluster.node(NODE).status());
        assertEquals(ClientStatus.UNKNOWN, alloc.client());

        // A drain of the disconnected node marks it (N-13 counts it healthy: count 1,
        // max_parallel 1, healthy 1).
        cluster.updateDrain(NODE, DrainSpec.noDeadline(false));
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(5));
        assertTrue(alloc.migrate(), "marked by the drainer");

        cluster.sim().runUntil(alloc.unknownExpiresAtNanos() + SimTime.seconds(60));
        assertEquals(NodeStatus.DOWN, cluster.node(NODE).status());
        long downAt = cluster.node(NODE).downAtNanos();
        assertTrue(downAt >= alloc.lastUnknownNanos() + SimTime.millis(LOST_AFTER_MILLIS),
                "down at the expiry, not before");
        Plan first = plans.stream().filter(p -> p.plannedAtNanos >= downAt).findFirst()
                .orElseThrow();
        assertTrue(first.lost.contains(alloc), "lost by the first plan after the node is down");
        assertEquals(List.of(), first.stops.stream().filter(stop -> stop.alloc() == alloc)
                .map(Plan.Stop::reason).toList(), "not stopped as a migration");
        assertEquals(ClientStatus.LOST, alloc.client());
        assertEquals(1, cluster.state().allocs().all().stream()
                .filter(a -> a.previousAlloc() == alloc.id()).count(), "one replacement");
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
