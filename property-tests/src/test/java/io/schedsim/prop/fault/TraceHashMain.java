package io.schedsim.prop.fault;

/**
 * Child-JVM entry point of {@link FaultDeterminismTest}: for each argument {@code ordering:seed}
 * runs chaos-swarm and prints {@code ordering seed traceHash}, one line per run.
 */
public final class TraceHashMain {
    private TraceHashMain() {}

    public static void main(String[] args) {
        for (String arg : args) {
            int colon = arg.indexOf(':');
            String ordering = arg.substring(0, colon);
            long seed = Long.parseLong(arg.substring(colon + 1));
            System.out.println(line(ordering, seed));
        }
    }

    static String line(String ordering, long seed) {
        String hash = SwarmRuns.run(seed, SwarmRuns.ordering(ordering), null).result().traceHash();
        return ordering + " " + seed + " " + hash;
    }
}
