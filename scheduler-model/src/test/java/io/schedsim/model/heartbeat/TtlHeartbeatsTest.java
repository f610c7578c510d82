package io.schedsim.model.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.TraceSink;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.NomadClusters;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nomad's TTL heartbeats (N-24): every heartbeat the server receives draws
 * {@code ttl = base + uniform[0, base)} with {@code base = max(min_heartbeat_ttl, n / rate)} and
 * arms a timer of {@code ttl + heartbeat_grace}; a node whose heartbeats stop is down exactly when
 * the timer armed by its last heartbeat fires (INV-11). The drawn TTLs are read from the replies
 * the server sends back (event {@code hb.reply}, payload: incarnation << 40 | ttl).
 */
class TtlHeartbeatsTest {
    private static final long TTL_MASK = (1L << 40) - 1;

    @ParameterizedTest(name = "{0} nodes, min ttl {1} ms, rate {2}/s -> base {3} ms")
    @CsvSource({
        "10, 10000, 50, 10000",
        "100, 10000, 50, 10000",
        "100, 10000, 5, 20000",
        "50, 30000, 50, 30000",
        "1000, 10000, 50, 20000",
    })
    void ttlIsBasePlusJitterBelowTwiceBase(int nodes, long minTtlMillis, double rate,
            long baseMillis) {
        ClusterConfig config = NomadClusters.config();
        config.minHeartbeatTtlMillis = minTtlMillis;
        config.maxHeartbeatsPerSecond = rate;
        Heartbeats log = new Heartbeats(-1);
        Cluster cluster = cluster(7, config, nodes, log);
        cluster.sim().runUntil(SimTime.seconds(150));

        long base = SimTime.millis(baseMillis);
        assertTrue(log.ttls.size() >= 2 * nodes, "replies " + log.ttls.size());
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long ttl : log.ttls) {
            assertTrue(ttl >= base && ttl < 2 * base, "ttl " + SimTime.format(ttl));
            min = Math.min(min, ttl);
            max = Math.max(max, ttl);
        }
        // The jitter covers its range: some draws in the lowest and the highest quarter.
        assertTrue(min < base + base / 4, "min ttl " + SimTime.format(min));
        assertTrue(max >= 2 * base - base / 4, "max ttl " + SimTime.format(max));
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @ParameterizedTest(name = "grace {0} ms, cut at {1} s, seed {2}")
    @CsvSource({"10000, 60, 1", "10000, 60, 2", "10000, 73, 3", "0, 60, 4", "5000, 61, 5",
        "30000, 60, 6"})
    void downExactlyAtLastHeartbeatPlusTtlPlusGrace(long graceMillis, long cutSeconds,
            long seed) {
        ClusterConfig config = NomadClusters.config();
        config.heartbeatGraceMillis = graceMillis;
        Heartbeats log = new Heartbeats(1);
        Cluster cluster = cluster(seed, config, 3, log);
        cluster.sim().runUntil(SimTime.seconds(cutSeconds));
        cluster.setPartition(1, true, false);
        cluster.sim().runUntil(SimTime.seconds(cutSeconds + 60));

        Node node = cluster.node(1);
        assertEquals(NodeStatus.DOWN, node.status());
        long lastArrival = log.arrivals.getLong(log.arrivals.size() - 1);
        long lastTtl = log.ttls.getLong(log.ttls.size() - 1);
        assertEquals(lastArrival, node.lastHeartbeatNanos());
        assertEquals(lastArrival + lastTtl + SimTime.millis(graceMillis), node.downAtNanos(),
                "down at last heartbeat + ttl + grace");
        assertTrue(node.downAtNanos() - lastArrival >= SimTime.seconds(10)
                + SimTime.millis(graceMillis), "INV-11 lower bound");
        for (int slot : new int[] {0, 2}) {
            assertEquals(NodeStatus.READY, cluster.node(slot).status());
        }
        assertEquals(List.of(), cluster.monitor().violations());
    }

    private static Cluster cluster(long seed, ClusterConfig config, int nodes, Heartbeats log) {
        Simulation sim = new Simulation(seed);
        sim.setTraceSink(log);
        Cluster cluster = Cluster.create(sim, config, ModelComponents.defaults());
        for (int i = 0; i < nodes; i++) {
            cluster.addNode(NomadClusters.NODE_CPU_MILLI, NomadClusters.NODE_MEM_MB, false);
        }
        cluster.start();
        return cluster;
    }

    /** Heartbeat arrivals and the TTLs of the replies, of one node (or of all, node = -1). */
    private static final class Heartbeats implements TraceSink {
        final int node;
        final LongArrayList arrivals = new LongArrayList();
        final LongArrayList ttls = new LongArrayList();

        Heartbeats(int node) {
            this.node = node;
        }

        @Override
        public void onEvent(long eventIndex, long timeNanos, String kind, int entity,
                long payload, long hashAfter) {
            if (node >= 0 && entity != node) {
                return;
            }
            if (kind.equals("hb.arrive")) {
                arrivals.add(timeNanos);
            } else if (kind.equals("hb.reply")) {
                ttls.add(payload & TTL_MASK);
            }
        }
    }
}
