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
var p50 = new double[periods.length][thresholds.length];
double perCheckMin = Double.MAX_VALUE, perCheckMax = 0, overBound = Double.NEGATIVE_INFINITY;
for (int i = 0; i < periods.length; i++) {
    for (int j = 0; j < thresholds.length; j++) {
        var series = base.set("healthCheckPeriodMillis", periods[i])
                .set("healthCheckFailureThreshold", thresholds[j])
                .seeds(1, 2);
        var detection = series.latency("failureDetection");
        double bound = thresholds[j] * (periods[i] + timeoutMillis) / 1000.0;
        p50[i][j] = detection.p50() / 1000.0;
        double perCheck = p50[i][j] / thresholds[j];
        perCheckMin = Math.min(perCheckMin, perCheck);
        perCheckMax = Math.max(perCheckMax, perCheck);
        overBound = Math.max(overBound, detection.max() / 1000.0 - bound);
        table.row(periods[i], thresholds[j], detection.count(), p50[i][j],
                detection.max() / 1000.0, bound);
    }
}
System.out.println("Ray failure detection latency (health_check_timeout_ms = " + timeoutMillis + ")");
table.print();
System.out.println();

// The reading is computed from the table: growth with the threshold, cost per failed check,
// and how much the period moves it compared with the threshold.
int mid = 1, five = 2, last = thresholds.length - 1;
System.out.printf(Locale.ROOT, "Reading: detection grows in proportion to the threshold: at a %d s "
        + "period, threshold %d took %.1f s and threshold %d took %.1f s (x%.1f for x%d checks).%n",
        periods[mid] / 1000, thresholds[0], p50[mid][0], thresholds[last], p50[mid][last],
        p50[mid][last] / p50[mid][0], thresholds[last] / thresholds[0]);
System.out.printf(Locale.ROOT, "Each failed check costs %.1f to %.1f s, about period + timeout "
        + "(%.0f to %.0f s): a check waits out the whole %d s timeout before the next one "
        + "starts, so the timeout dominates.%n", perCheckMin, perCheckMax,
        (periods[0] + timeoutMillis) / 1000.0, (periods[periods.length - 1] + timeoutMillis) / 1000.0,
        timeoutMillis / 1000);
System.out.printf(Locale.ROOT, "At threshold %d, a period of %d s instead of %d s added %.1f s; %s%n",
        thresholds[five], periods[periods.length - 1] / 1000, periods[0] / 1000,
        p50[periods.length - 1][five] - p50[0][five],
        overBound <= 0 ? String.format(Locale.ROOT, "no detection exceeded threshold x (period "
                + "+ timeout) (the closest came within %.1f s).", -overBound)
                : String.format(Locale.ROOT, "one detection exceeded threshold x (period + "
                + "timeout) by %.1f s.", overBound));

var slowest = base.set("healthCheckPeriodMillis", 5_000).set("healthCheckFailureThreshold", 10)
        .seed(1).run();
System.out.println();
System.out.println("One run of the slowest setting:");
System.out.print(slowest.report());
