package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Runs a built-in scenario by name, as {@code schedsim run} does, and reads its end state: the
 * final cluster, its allocations by job, and the node event history.
 */
final class ScenarioRuns {
    private ScenarioRuns() {}

    /** Seeds {@code 1..n}, for parameterized tests whose outcome must not depend on the seed. */
    static LongStream seeds(int n) {
        return LongStream.rangeClosed(1, n);
    }

    /** Runs {@code scenario} with {@code settings} ("knob=value", as {@code --set} takes). */
    static RunOutcome run(String scenario, long seed, String... settings) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            overrides.put(pair[0], pair[1]);
        }
        return RunSpec.of(Registry.builtIn().scenario(scenario)).withSeed(seed)
                .withSettings(overrides).run();
    }

    /** Runs and checks that no invariant was violated. */
    static RunOutcome runClean(String scenario, long seed, String... settings) {
        RunOutcome outcome = run(scenario, seed, settings);
        assertEquals(List.of(), outcome.result().violations(), scenario + " seed " + seed);
        return outcome;
    }

    /** Every allocation of the job called {@code job}, in creation order. */
    static List<Alloc> allocs(Cluster cluster, String job) {
        List<Alloc> allocs = new ArrayList<>();
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.job().name().equals(job)) {
                allocs.add(alloc);
            }
        }
        return allocs;
    }

    /** Allocations of {@code job} that are neither server- nor client-terminal. */
    static List<Alloc> live(Cluster cluster, String job) {
        List<Alloc> live = new ArrayList<>();
        for (Alloc alloc : allocs(cluster, job)) {
            if (!alloc.isTerminal()) {
                live.add(alloc);
            }
        }
        return live;
    }

    /** Live allocations of {@code job} on {@code node}. */
    static List<Alloc> liveOn(Cluster cluster, String job, int node) {
        List<Alloc> live = new ArrayList<>();
        for (Alloc alloc : live(cluster, job)) {
            if (alloc.node() == node) {
                live.add(alloc);
            }
        }
        return live;
    }

    /** The node's events of {@code kind}, in order. */
    static List<NodeEvent> events(Cluster cluster, int node, NodeEvent.Kind kind) {
        List<NodeEvent> events = new ArrayList<>();
        for (NodeEvent event : cluster.nodeEvents()) {
            if (event.node() == node && event.kind() == kind) {
                events.add(event);
            }
        }
        return events;
    }

    /** The time of the node's only event of {@code kind}. */
    static long onlyEventAt(Cluster cluster, int node, NodeEvent.Kind kind) {
        List<NodeEvent> events = events(cluster, node, kind);
        assertEquals(1, events.size(), "node " + node + " " + kind + " events: " + events);
        return events.get(0).atNanos();
    }

    static long millis(long millis) {
        return SimTime.millis(millis);
    }
}
