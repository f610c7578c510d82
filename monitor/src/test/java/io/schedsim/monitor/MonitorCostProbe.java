package io.schedsim.monitor;

import io.schedsim.history.ErrorType;
import io.schedsim.history.HistoryEvent;
import java.util.List;

/**
 * Measures the monitor's per-event cost on a synthetic history shaped like SC-1 at smoke scale
 * times {@code scale}: a 0-CPU head and 9 workers of 16 CPU, health checks every 3 s, and
 * 288 x scale outer tasks, each with one nested child (submit, pending, lease, reserve, run,
 * release, finish, resolve). Not a test (tests never time anything): run it by hand with
 * {@code java -cp <test classpath> io.schedsim.monitor.MonitorCostProbe [scale] [rounds]}.
 */
public final class MonitorCostProbe {
    private MonitorCostProbe() {}

    public static void main(String[] args) {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 75;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<HistoryEvent> events = history(scale);
        System.out.println("history: " + events.size() + " events");
        java.lang.management.ThreadMXBean cpu =
                java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            MonitorReport report = Monitor.check(events);
            double perEvent = (double) (cpu.getCurrentThreadCpuTime() - start) / events.size();
            best = Math.min(best, perEvent);
            System.out.printf("round %d: %.1f ns CPU/event, violations %d%n", round, perEvent,
                    report.violationCount());
        }
        System.out.printf("best: %.1f ns CPU/event%n", best);
    }

    public static List<HistoryEvent> history(int scale) {
        HistoryBuilder b = HistoryBuilder.ray().node(0, 0, 65_536, true);
        for (int n = 1; n <= 9; n++) {
            b.node(n, 16_000, 65_536, false);
        }
        int tasks = 288 * scale;
        long[] checkAt = new long[10];
        long clockMillis = 5_000;
        for (int t = 0; t < tasks; t++) {
            long outer = 2L * t;
            long child = 2L * t + 1;
            int node = 1 + t % 9;
            // Eight tasks per millisecond keep 144 CPUs busy at the workload's pace.
            clockMillis += t % 8 == 0 ? 1 : 0;
            b.atMillis(clockMillis);
            for (int n = 0; n < 10; n++) {
                if (clockMillis >= checkAt[n] + 3_000) {
                    b.checkSent(n).advanceMillis(0).checkAnswered(n);
                    checkAt[n] = clockMillis;
                }
            }
            b.submit(outer, -1, -1).pending(outer, 0).lease(outer, 0, node);
            b.submit(child, outer, -1).pending(child, 0).lease(child, 0, node);
            b.finishAttempt(child, 0, node).resolve(child, ErrorType.NONE);
            b.finishAttempt(outer, 0, node).resolve(outer, ErrorType.NONE);
        }
        return b.at(clockMillis / 1000.0 + 61).end().events();
    }
}
