// How long does Ray take to notice a dead worker, as a function of its health-check knobs?
//
// Ray's GCS health check pings every raylet each health_check_period_ms; a ping that gets no
// answer within health_check_timeout_ms counts as a failure, and health_check_failure_threshold
// failures in a row mark the node DEAD. This notebook kills two worker instances per run
// (ray-chaos, 4 workers, 4,000 tasks) and reads the failureDetection histogram: simulated time from
// the instance's death to the node being marked DEAD. Two seeds per setting.
//
// Run it with:  ./schedsim jshell notebooks/failure-detection.jsh

long[] periods = {1_000, 3_000, 5_000};
int[] thresholds = {1, 3, 5, 10};
long timeoutMillis = 10_000;

var base = Scenarios.rayChaos()
        .set("workers", 4)
        .set("tasks", 4_000)
        .set("killIntervalMillis", 10_000)
        .set("maxKills", 2)
        .set("healthCheckTimeoutMillis", timeoutMillis);

var table = Table.of("periodMs", "threshold", "detections", "p50 s", "max s", "threshold*(period+timeout) s");
for (long period : periods) {
    for (int threshold : thresholds) {
        var series = base.set("healthCheckPeriodMillis", period)
                .set("healthCheckFailureThreshold", threshold)
                .seeds(1, 2);
        var detection = series.latency("failureDetection");
        table.row(period, threshold, detection.count(), detection.p50() / 1000.0,
                detection.max() / 1000.0, threshold * (period + timeoutMillis) / 1000.0);
    }
}
System.out.println("Ray failure detection latency (health_check_timeout_ms = " + timeoutMillis + ")");
table.print();

// Reading: detection grows linearly with the threshold and is dominated by the timeout, not the
// period: each failed check waits out the full timeout before the next one starts.
var slowest = base.set("healthCheckPeriodMillis", 5_000).set("healthCheckFailureThreshold", 10)
        .seed(1).run();
System.out.println();
System.out.println("One run of the slowest setting:");
System.out.print(slowest.report());
