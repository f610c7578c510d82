package io.schedsim.bench;

import io.schedsim.cli.Main;
import io.schedsim.cli.Plugins;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the independent monitor costs a sweep once the JIT is done, measured A/B in one JVM:
 * blocks of {@code sweep chaos-swarm --threads 1 --no-shrink} alternate between the monitor off
 * (the hidden {@code schedsim.monitor=off}, read at each run) and on, each block on fresh seeds,
 * after a warm-up of both. A separate JVM per side would compare a JVM still compiling the
 * monitor's code with one that never loads it: C2 takes 30 to 40 s to compile the ~1,100 hot
 * methods of a swarm sweep on 2 cores, so a 10 s sweep runs mostly on C1 code. Alternating
 * blocks also pairs each "on" with an "off" run under the same machine load.
 *
 * <p>Not JMH: a JMH fork per side would lose the pairing. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.schedsim.bench.MonitorCostAB
 * [blockSeeds [pairs [warmupSeeds]]]} (defaults 3,000, 8, 15,000; about four minutes).
 */
public final class MonitorCostAB {
    private static final String[] SIDES = {"off", "on"};

    private MonitorCostAB() {}

    public static void main(String[] args) {
        int blockSeeds = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmupSeeds = args.length > 2 ? Integer.parseInt(args[2]) : 15_000;
        long nextSeed = 1;
        for (String side : SIDES) {
            sweep(side, nextSeed, warmupSeeds);
            nextSeed += warmupSeeds;
        }
        List<Double> offMicros = new ArrayList<>();
        List<Double> onMicros = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            double off = sweep("off", nextSeed, blockSeeds);
            double on = sweep("on", nextSeed + blockSeeds, blockSeeds);
            nextSeed += 2L * blockSeeds;
            offMicros.add(off);
            onMicros.add(on);
            ratios.add(on / off);
            System.out.printf("pair %d: off %.1f us/seed, on %.1f us/seed, on/off %.2f%n",
                    pair + 1, off, on, on / off);
        }
        System.out.printf("median: off %.1f us/seed, on %.1f us/seed; on/off %.2f (%.2f-%.2f)%n",
                median(offMicros), median(onMicros), median(ratios), Collections.min(ratios),
                Collections.max(ratios));
    }

    /** Sweeps {@code seeds} seeds from {@code first} with the monitor {@code side}; µs per seed. */
    private static double sweep(String side, long first, int seeds) {
        System.setProperty("schedsim.monitor", side);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long startNanos = System.nanoTime();
        int exit = Main.execute(Plugins.STANDARD, new PrintWriter(out), new PrintWriter(err),
                "sweep", "chaos-swarm", "--seeds", first + ".." + (first + seeds - 1),
                "--threads", "1", "--no-shrink");
        long elapsedNanos = System.nanoTime() - startNanos;
        if (exit != 0) {
            // A failing seed would be shrunk or reported, not measured: say so and stop.
            throw new IllegalStateException("sweep of seeds " + first + ".." + (first + seeds - 1)
                    + " with the monitor " + side + " exited " + exit + ": " + out + err);
        }
        return elapsedNanos / 1_000.0 / seeds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
