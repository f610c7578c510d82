package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import io.schedsim.prop.spec.UserCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * SC-12, failure-detection bounds (R-7, R-8, N-24, N-26; INV-11, INV-12). Case {@code a}
 * ({@code RAY_HEALTH_CHECK}): the host of worker 1 is terminated (F-1) at {@code faultAtMillis};
 * DEAD only after {@code threshold} failed checks, by t + 68 s. {@code b}: its agent is killed
 * (F-2); refused checks make it DEAD in ≈ 12–18 s. {@code d} ({@code RAY_LEGACY_HEARTBEAT},
 * the host of worker 1 is terminated; DEAD (timeout − 1) to timeout periods of the GCS after
 * the last heartbeat it received (≈ 30 s with 1 s × 30), within timeout + 1 periods of the kill.
 * {@code c} ({@code NOMAD_TTL}): the first
 * {@code cutNodes} nodes' messages to the servers are dropped; each is down exactly at its last
 * heartbeat + ttl + grace, within [20 s, 30 s) below 500 nodes. {@code e}: the same cut, then a
 * leader failover {@code failoverAfterMillis} later; no node is down before failover_heartbeat_ttl
 * (5 min) after the failover. Faults last to the end of the run, so the final state shows the
 * detection.
 */
public final class DetectionBounds extends BuiltInScenario {
    @Override
    public String name() {
        return "detection-bounds";
    }

    /** Judged after every run, by run and sweep alike (issue 14 item 2). */
    @Override
    public List<UserCheck> expectations(ScenarioConfig config) {
        return List.of(ScenarioExpectations.detectionBounds(config));
    }

    @Override
    public String description() {
        return "SC-12: detection latency of host loss, agent kill, TTL expiry and failover";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                CaseKnob.of("a", List.of("a", "b", "c", "d", "e"),
                        "a: host terminated; b: agent killed; c: TTL expiry; d: legacy Ray"
                                + " heartbeats, host terminated; e: failover"),
                Knob.ofInt("nodes", 4, 3, 10_000, "nodes (Ray: a 0-CPU head and workers)")
                        .in("nodes"),
                Knob.ofInt("cutNodes", 1, 1, 10_000, "c, e: nodes whose heartbeats are cut")
                        .in("nodes"),
                Knob.ofLong("faultAtMillis", 60_000, 0, NomadKnobs.DAY_MILLIS,
                        "the kill (a, b) or the heartbeat cut (c, e)"),
                Knob.ofLong("failoverAfterMillis", 5_000, 0, NomadKnobs.DAY_MILLIS,
                        "e: the failover this long after the cut (before heartbeatGraceMillis)"),
                Knob.ofLong("healthCheckInitialDelayMillis", 5_000, 0, NomadKnobs.DAY_MILLIS,
                        "Ray health_check_initial_delay_ms"),
                Knob.ofLong("healthCheckPeriodMillis", 3_000, 1, NomadKnobs.DAY_MILLIS,
                        "Ray health_check_period_ms"),
                Knob.ofLong("healthCheckTimeoutMillis", 10_000, 1, NomadKnobs.DAY_MILLIS,
                        "Ray health_check_timeout_ms"),
                Knob.ofInt("healthCheckFailureThreshold", 5, 1, 1_000,
                        "Ray health_check_failure_threshold").in("failed checks"),
                Knob.ofLong("rayHeartbeatPeriodMillis", 1_000, 1, NomadKnobs.DAY_MILLIS,
                        "d: Ray raylet_heartbeat_period_milliseconds"),
                Knob.ofInt("rayNumHeartbeatsTimeout", 30, 1, 1_000_000,
                        "d: Ray num_heartbeats_timeout").in("periods"),
                Knob.ofLong("minHeartbeatTtlMillis", 10_000, 1, NomadKnobs.DAY_MILLIS,
                        "Nomad min_heartbeat_ttl"),
                Knob.ofDouble("maxHeartbeatsPerSecond", 50.0, 0.001, 1_000_000,
                        "Nomad max_heartbeats_per_second").in("heartbeats/s"),
                Knob.ofLong("heartbeatGraceMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                        "Nomad heartbeat_grace"),
                Knob.ofLong("failoverHeartbeatTtlMillis", 300_000, 1, NomadKnobs.DAY_MILLIS,
                        "Nomad failover_heartbeat_ttl"),
                Knob.ofLong("heartbeatRetryIntervalMillis", 2_000, 1, NomadKnobs.DAY_MILLIS,
                        "client retry after an unanswered heartbeat (N-25, model choice)"),
                Knob.ofLong("networkDelayMillisMax", 5, 1, 60_000,
                        "one-way control-plane delay, uniform in [1 ms, this]"),
                Knob.ofLong("observeMillis", 400_000, 1, NomadKnobs.DAY_MILLIS,
                        "the run ends this long after the fault"));
    }

    private static boolean ray(ScenarioConfig config) {
        String picked = CaseKnob.of(config);
        return picked.equals("a") || picked.equals("b") || picked.equals("d");
    }

    private static DetectorPolicy detector(ScenarioConfig config) {
        return switch (CaseKnob.of(config)) {
            case "a", "b" -> DetectorPolicy.RAY_HEALTH_CHECK;
            case "d" -> DetectorPolicy.RAY_LEGACY_HEARTBEAT;
            default -> DetectorPolicy.NOMAD_TTL;
        };
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = detector(config);
        cluster.rayHeartbeatPeriodMillis = config.longValue("rayHeartbeatPeriodMillis");
        cluster.rayNumHeartbeatsTimeout = config.intValue("rayNumHeartbeatsTimeout");
        cluster.healthCheckInitialDelayMillis = config.longValue("healthCheckInitialDelayMillis");
        cluster.healthCheckPeriodMillis = config.longValue("healthCheckPeriodMillis");
        cluster.healthCheckTimeoutMillis = config.longValue("healthCheckTimeoutMillis");
        cluster.healthCheckFailureThreshold = config.intValue("healthCheckFailureThreshold");
        cluster.minHeartbeatTtlMillis = config.longValue("minHeartbeatTtlMillis");
        cluster.maxHeartbeatsPerSecond = config.doubleValue("maxHeartbeatsPerSecond");
        cluster.heartbeatGraceMillis = config.longValue("heartbeatGraceMillis");
        cluster.failoverHeartbeatTtlMillis = config.longValue("failoverHeartbeatTtlMillis");
        cluster.heartbeatRetryIntervalMillis = config.longValue("heartbeatRetryIntervalMillis");
        cluster.networkDelayMillisMax = config.longValue("networkDelayMillisMax");
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        boolean ray = ray(config);
        for (int i = 0; i < config.intValue("nodes"); i++) {
            boolean head = ray && i == 0;
            cluster.addNode(head ? 0 : NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, head);
        }
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        long at = config.longValue("faultAtMillis");
        List<FaultAction> actions = new ArrayList<>();
        switch (CaseKnob.of(config)) {
            case "a":
            case "d":
                actions.add(TerminateInstance.slot(at, 1, at));
                break;
            case "b":
                actions.add(new KillAgent(at, 1));
                break;
            case "e":
                actions.add(new LeaderFailover(at + config.longValue("failoverAfterMillis")));
                actions.add(cut(config, cluster, at));
                break;
            case "c":
                actions.add(cut(config, cluster, at));
                break;
            default:
                throw new AssertionError(CaseKnob.of(config));
        }
        return new FaultPlan(actions);
    }

    private static Partition cut(ScenarioConfig config, Cluster cluster, long at) {
        int cut = Math.min(config.intValue("cutNodes"), cluster.nodeSlotCount());
        return new Partition(at, FaultAction.UNTIL_HEAL, NomadKnobs.slots(0, cut),
                PartitionDirection.TO_SERVER);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long end = config.longValue("faultAtMillis") + config.longValue("observeMillis");
        return new Timing(end, end, 0);
    }
}
