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
 * blocks of {@code sweep chaos-swarm --threads 1 --no-shrink} with the monitor off (the hidden
 * {@code schedsim.monitor=off}, read at each run) and on, after a warm-up of both. The two blocks
 * of a pair sweep the same seeds, in alternating order, so a pair's ratio compares the same runs
 * under the same machine load; each pair takes fresh seeds. A separate JVM per side would compare
 * a JVM still compiling the monitor's code with one that never loads it: C2 takes 30 to 40 s to
 * compile the ~1,100 hot methods of a swarm sweep on 2 cores, so a 10 s sweep runs mostly on C1
 * code.
 *
 * <p>Not JMH: a JMH fork per side would lose the pairing. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.schedsim.bench.MonitorCostAB
 * [blockSeeds [pairs [warmupSeeds]]]} (defaults 1,500, 16, 15,000; about a minute).
 */
public final class MonitorCostAB {
    private static final String[] SIDES = {"off", "on"};

    private MonitorCostAB() {}

    public static void main(String[] args) {
        int blockSeeds = args.length > 0 ? Integer.parseInt(args[0]) : 1_500;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 16;
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
            // Same seeds both sides; which side goes first alternates (the second of two
            // blocks may find caches or the machine in another state).
            boolean offFirst = pair % 2 == 0;
            double first = sweep(offFirst ? "off" : "on", nextSeed, blockSeeds);
            double second = sweep(offFirst ? "on" : "off", nextSeed, blockSeeds);
            double off = offFirst ? first : second;
            double on = offFirst ? second : first;
            nextSeed += blockSeeds;
            offMicros.add(off);
            onMicros.add(on);
            ratios.add(on / off);
            System.out.printf("pair %d: off %.1f us/seed, on %.1f us/seed, on/off %.2f%n",
                    pair + 1, off, on, on / off);
        }
        System.out.printf("median: off %.1f us/seed, on %.1f us/seed; on/off %.2f (quartiles "
                + "%.2f-%.2f, range %.2f-%.2f)%n", quantile(offMicros, 0.5),
                quantile(onMicros, 0.5), quantile(ratios, 0.5), quantile(ratios, 0.25),
                quantile(ratios, 0.75), Collections.min(ratios), Collections.max(ratios));
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

    /** The {@code q} quantile of {@code values}, by rank (no interpolation). */
    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
