package io.schedsim.cli.timeline;

import io.schedsim.cli.output.Json;
import io.schedsim.cli.timeline.TimelineModel.AllocBar;
import io.schedsim.cli.timeline.TimelineModel.Lane;
import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.cli.timeline.TimelineModel.Span;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --perfetto} export: the timeline as Chrome trace-event JSON, which ui.perfetto.dev and
 * chrome://tracing open. Every node is a process with tracks for status, eligibility, drains,
 * faults and allocation rows; cluster-wide faults and violations are on process 0. Timestamps are
 * simulated microseconds.
 */
public final class PerfettoTrace {
    private static final int CLUSTER_PID = 0;
    private static final int STATUS = 1;
    private static final int ELIGIBILITY = 2;
    private static final int DRAINS = 3;
    private static final int FAULTS = 4;
    private static final int ALLOC_ROWS = 10;

    private final List<Map<String, Object>> events = new ArrayList<>();

    private PerfettoTrace() {}

    public static String render(RunOutcome outcome) {
        return render(outcome, null);
    }

    /** The export, with a counter track of Ray task attempts per node from {@code occupancy}. */
    public static String render(RunOutcome outcome, TaskOccupancy occupancy) {
        TimelineModel model = TimelineBuilder.build(outcome, occupancy, Integer.MAX_VALUE);
        PerfettoTrace trace = new PerfettoTrace();
        trace.metadata("process_name", CLUSTER_PID, 0, "cluster");
        for (Span fault : model.clusterFaults()) {
            trace.slice(CLUSTER_PID, FAULTS, fault.kind(), fault.startMillis(), fault.endMillis(),
                    fault.label());
        }
        for (Mark mark : model.clusterMarks()) {
            trace.instant(CLUSTER_PID, FAULTS, mark.kind(), mark.atMillis(), mark.label(), "t");
        }
        for (Mark violation : model.violations()) {
            trace.instant(CLUSTER_PID, STATUS, violation.kind(), violation.atMillis(),
                    violation.label(), "g");
        }
        model.lanes().forEach(trace::lane);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("displayTimeUnit", "ms");
        root.put("otherData", Map.of("title", model.title()));
        root.put("traceEvents", trace.events);
        return Json.pretty(root) + "\n";
    }

    private void lane(Lane lane) {
        int pid = lane.node() + 1;
        metadata("process_name", pid, 0, lane.name());
        metadata("process_sort_index", pid, 0, pid);
        for (String[] track : new String[][] {{"1", "status"}, {"2", "eligibility"},
            {"3", "drains"}, {"4", "faults"}}) {
            metadata("thread_name", pid, Integer.parseInt(track[0]), track[1]);
        }
        lane.status().forEach(s -> slice(pid, STATUS, s.kind(), s.startMillis(), s.endMillis(),
                s.label()));
        lane.ineligible().forEach(s -> slice(pid, ELIGIBILITY, "ineligible", s.startMillis(),
                s.endMillis(), s.label()));
        lane.drains().forEach(s -> slice(pid, DRAINS, s.kind(), s.startMillis(), s.endMillis(),
                s.label()));
        lane.faults().forEach(s -> slice(pid, FAULTS, "fault", s.startMillis(), s.endMillis(),
                s.label()));
        lane.marks().forEach(m -> instant(pid, STATUS, m.kind(), m.atMillis(), m.label(), "t"));
        if (lane.tasks() != null) {
            TimelineModel.Occupancy tasks = lane.tasks();
            for (int i = 0; i < tasks.atMillis().length; i++) {
                Map<String, Object> event = event(pid, 0, "task attempts", "C",
                        tasks.atMillis()[i]);
                event.put("args", Map.of("attempts", tasks.attempts()[i]));
                events.add(event);
            }
        }
        List<Long> rowEnds = new ArrayList<>();
        for (AllocBar bar : lane.allocs()) {
            long end = bar.endMillis() == AllocBar.OPEN ? Long.MAX_VALUE : bar.endMillis();
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > bar.createdMillis()) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(0L);
                metadata("thread_name", pid, ALLOC_ROWS + row, "allocations " + (row + 1));
            }
            rowEnds.set(row, end);
            long shownEnd = end == Long.MAX_VALUE ? lastMillis(lane) : end;
            slice(pid, ALLOC_ROWS + row, bar.jobType() + " " + bar.outcome(), bar.createdMillis(),
                    Math.max(shownEnd, bar.createdMillis()), bar.label());
        }
    }

    private static long lastMillis(Lane lane) {
        long last = 0;
        for (Span span : lane.status()) {
            last = Math.max(last, span.endMillis());
        }
        return last;
    }

    private void slice(int pid, int tid, String name, long startMillis, long endMillis,
            String label) {
        Map<String, Object> event = event(pid, tid, name, "X", startMillis);
        event.put("dur", (endMillis - startMillis) * 1_000L);
        event.put("args", Map.of("detail", label));
        events.add(event);
    }

    private void instant(int pid, int tid, String name, long atMillis, String label,
            String scope) {
        Map<String, Object> event = event(pid, tid, name, "i", atMillis);
        event.put("s", scope);
        event.put("args", Map.of("detail", label));
        events.add(event);
    }

    private void metadata(String name, int pid, int tid, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", name);
        event.put("ph", "M");
        event.put("pid", pid);
        event.put("tid", tid);
        event.put("args", Map.of(name.endsWith("sort_index") ? "sort_index" : "name", value));
        events.add(event);
    }

    private static Map<String, Object> event(int pid, int tid, String name, String phase,
            long atMillis) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", name);
        event.put("ph", phase);
        event.put("ts", atMillis * 1_000L);
        event.put("pid", pid);
        event.put("tid", tid);
        return event;
    }
}
