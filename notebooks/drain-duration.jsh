// How long does a node drain take, as a function of the job's migrate block?
//
// SC-3 (nomad-drain-deadline): a service job runs on nodes A and B, which are drained together.
// With a long drain deadline (1 h) only migrate{} paces the drain: max_parallel allocations of
// the job may be migrating at once, and the next batch waits until the replacements have been
// healthy for min_healthy_time. The drainDuration histogram holds one value per drained node:
// simulated time from the drain request to the drain being complete.
//
// Run it with:  ./schedsim jshell notebooks/drain-duration.jsh

var base = Scenarios.of("nomad-drain-deadline")
        .set("nodes", 8)
        .set("drainDeadlineMillis", 3_600_000);

var table = Table.of("count", "maxParallel", "minHealthy s", "drains", "first s", "last s",
        "(batches-1)*minHealthy s");
// What the reading below is computed from: the last drain's excess over the pacing formula
// where min_healthy_time paces, and its spread where it should not matter.
double excessMin = Double.MAX_VALUE, excessMax = 0;
double wideMin = Double.MAX_VALUE, wideMax = 0;
double zeroMin = Double.MAX_VALUE, zeroMax = 0;
for (int count : new int[] {2, 4, 6}) {
    for (int maxParallel : new int[] {1, 2, 4}) {
        for (long minHealthy : new long[] {0, 10_000, 30_000}) {
            var run = base.set("serviceCount", count)
                    .set("maxParallel", maxParallel)
                    .set("minHealthyTimeMillis", minHealthy)
                    .run();
            if (run.violated()) {
                throw new IllegalStateException("unexpected violation: " + run.violations());
            }
            var drain = run.latency("drainDuration");
            int batches = (count + maxParallel - 1) / maxParallel;
            double last = drain.max() / 1000.0;
            double paced = (batches - 1) * minHealthy / 1000.0;
            table.row(count, maxParallel, minHealthy / 1000, drain.count(), drain.p50() / 1000.0,
                    last, paced);
            if (maxParallel >= count) {
                wideMin = Math.min(wideMin, last);
                wideMax = Math.max(wideMax, last);
            } else if (minHealthy > 0) {
                excessMin = Math.min(excessMin, last - paced);
                excessMax = Math.max(excessMax, last - paced);
            }
            if (minHealthy == 0) {
                zeroMin = Math.min(zeroMin, last);
                zeroMax = Math.max(zeroMax, last);
            }
        }
    }
}
System.out.println("Drain duration of two nodes drained together (deadline 1 h)");
table.print();
System.out.println();
System.out.printf(Locale.ROOT, "Reading: where max_parallel < count, the last drain ended %.1f to "
        + "%.1f s after (batches - 1) x min_healthy_time: the pacing formula explains it, plus "
        + "placement and start-up per batch.%n", excessMin, excessMax);
System.out.printf(Locale.ROOT, "With max_parallel >= count every drain took %s, whatever "
        + "min_healthy_time: one batch, nothing to wait for.%n", wideMin == wideMax
        ? String.format(Locale.ROOT, "%.1f s", wideMin)
        : String.format(Locale.ROOT, "%.1f to %.1f s", wideMin, wideMax));
System.out.printf(Locale.ROOT, "With min_healthy_time = 0 every drain took %.1f to %.1f s, so "
        + "max_parallel %s.%n", zeroMin, zeroMax, zeroMax - zeroMin < 10
        ? "changed it by only seconds" : "still mattered");
