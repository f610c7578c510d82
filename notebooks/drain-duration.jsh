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
            table.row(count, maxParallel, minHealthy / 1000, drain.count(), drain.p50() / 1000.0,
                    drain.max() / 1000.0, (batches - 1) * minHealthy / 1000.0);
        }
    }
}
System.out.println("Drain duration of two nodes drained together (deadline 1 h)");
table.print();

// Reading: the last drain ends after about (ceil(count / maxParallel) - 1) x min_healthy_time
// plus a few seconds of placement and start-up; max_parallel >= count makes min_healthy_time
// irrelevant, and min_healthy_time = 0 makes max_parallel almost irrelevant.
