package io.schedsim.model;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;

/**
 * Small Nomad clusters for table tests: TTL heartbeats, equal nodes at slots 0.., started and run
 * for one simulated second so every node has registered (Ready). Tests then build the state they
 * need through the state store and call the component under test directly, without running the
 * simulation further, as Nomad's own tests build a state and run one step on it.
 */
public final class NomadClusters {
    public static final long NODE_CPU_MILLI = 16_000;
    public static final long NODE_MEM_MB = 64_000;

    private NomadClusters() {}

    public static ClusterConfig config() {
        ClusterConfig config = new ClusterConfig();
        config.detector = DetectorPolicy.NOMAD_TTL;
        return config;
    }

    /** {@code nodes} Ready nodes after one simulated second. */
    public static Cluster started(long seed, ClusterConfig config, int nodes) {
        return started(seed, config, nodes, ModelComponents.defaults());
    }

    /** {@code nodes} Ready nodes after one simulated second, running {@code components}. */
    public static Cluster started(long seed, ClusterConfig config, int nodes,
            ModelComponents components) {
        Cluster cluster = Cluster.create(new Simulation(seed), config, components);
        for (int i = 0; i < nodes; i++) {
            cluster.addNode(NODE_CPU_MILLI, NODE_MEM_MB, false);
        }
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(1));
        for (int slot = 0; slot < nodes; slot++) {
            Node node = cluster.node(slot);
            if (!node.isReady()) {
                throw new IllegalStateException(node + " not Ready after 1 s");
            }
        }
        return cluster;
    }

    /**
     * Keeps drains of {@code slots} open: a drain whose node has no non-system allocation
     * completes as it is set (N-17), so tests that need a node to stay draining give it one
     * running allocation of a day-long batch job that takes no capacity (count = slots, so its
     * register evaluation places nothing more).
     */
    public static void holdDrainsOpen(Cluster cluster, int... slots) {
        Job blocker = cluster.state().registerJob(
                JobSpec.batch("drain-blocker", slots.length, 0, 0, 86_400_000));
        for (int slot : slots) {
            place(cluster, blocker, slot, ClientStatus.RUNNING);
        }
    }

    /** Commits an allocation of {@code job} on {@code node}; its client reports {@code status}. */
    public static Alloc place(Cluster cluster, Job job, int node, ClientStatus status) {
        return place(cluster, job, node, status, Health.UNSET);
    }

    /** Commits an allocation of {@code job} on {@code node}; its client reports both. */
    public static Alloc place(Cluster cluster, Job job, int node, ClientStatus status,
            Health health) {
        Alloc alloc = cluster.state().placeAlloc(job, cluster.node(node), Alloc.NONE, 0);
        cluster.state().onClientUpdate(alloc, status, health);
        return alloc;
    }
}
