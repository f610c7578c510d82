package io.schedsim.prop.fault;

import io.schedsim.core.trace.TraceEvent;
import io.schedsim.core.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A trace sink that keeps the dispatched events of some kinds, for assertions on the trace. */
final class KindLog implements TraceSink {
    private final Set<String> kinds;
    private final List<TraceEvent> events = new ArrayList<>();

    KindLog(String... kinds) {
        this.kinds = Set.of(kinds);
    }

    @Override
    public void onEvent(long eventIndex, long timeNanos, String kind, int entity, long payload,
            long hashAfter) {
        if (kinds.contains(kind)) {
            events.add(new TraceEvent(eventIndex, timeNanos, kind, entity, payload, hashAfter));
        }
    }

    List<TraceEvent> of(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    List<TraceEvent> of(String kind, long fromNanos, long untilNanos) {
        return of(kind).stream()
                .filter(e -> e.timeNanos() >= fromNanos && e.timeNanos() < untilNanos).toList();
    }
}
