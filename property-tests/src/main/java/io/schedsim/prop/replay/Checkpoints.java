package io.schedsim.prop.replay;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.schedsim.core.trace.TraceHash;
import io.schedsim.core.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trace hash chain sampled every {@code everyEvents} events: {@code hashes[k]} is the hash
 * after event {@code (k + 1) * everyEvents - 1}. Optional in a replay file's {@code expected};
 * with it, a replay that diverges can say in which window of events the runs first differed
 * (with {@code everyEvents = 1}, which event). About 17 bytes per window in the file; recording
 * costs one comparison per event. A writer records them with a {@link Recorder} as its trace sink.
 */
@JsonPropertyOrder({"everyEvents", "hashes"})
public record Checkpoints(long everyEvents, List<String> hashes) {
    /** Keeps files small: a 50,000-event run at 1,000 takes 50 hashes. */
    public static final long EVERY_EVENTS_DEFAULT = 1_000;

    public Checkpoints {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("everyEvents must be >= 1, got " + everyEvents);
        }
        List<String> lowerCase = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            if (!ReplayFiles.isTraceHash(hash)) {
                throw new IllegalArgumentException("hashes: expected 16 hex digits, got '" + hash
                        + "'");
            }
            lowerCase.add(hash.toLowerCase(Locale.ROOT));
        }
        hashes = List.copyOf(lowerCase);
    }

    /**
     * The first event window in which {@code obtained} differs from these recorded checkpoints,
     * as a phrase ("events #0..#999"), or null if every checkpoint both runs reached agrees.
     */
    public String firstDifference(Checkpoints obtained) {
        if (obtained.everyEvents != everyEvents) {
            throw new IllegalArgumentException("checkpoints every " + everyEvents + " vs "
                    + obtained.everyEvents + " events");
        }
        int common = Math.min(hashes.size(), obtained.hashes.size());
        for (int window = 0; window < common; window++) {
            if (!hashes.get(window).equals(obtained.hashes.get(window))) {
                long first = window * everyEvents;
                long last = first + everyEvents - 1;
                return first == last ? "event #" + first : "events #" + first + "..#" + last;
            }
        }
        return null;
    }

    /** A trace sink that records checkpoints, passing every event on to {@code next}. */
    public static final class Recorder implements TraceSink {
        private final long everyEvents;
        private final TraceSink next;
        private final List<String> hashes = new ArrayList<>();

        public Recorder(long everyEvents, TraceSink next) {
            this.everyEvents = everyEvents;
            this.next = next;
        }

        @Override
        public void onEvent(long eventIndex, long timeNanos, String kind, int entity,
                long payload, long hashAfter) {
            if ((eventIndex + 1) % everyEvents == 0) {
                hashes.add(TraceHash.hex(hashAfter));
            }
            if (next != null) {
                next.onEvent(eventIndex, timeNanos, kind, entity, payload, hashAfter);
            }
        }

        @Override
        public void finish() {
            if (next != null) {
                next.finish();
            }
        }

        public Checkpoints checkpoints() {
            return new Checkpoints(everyEvents, hashes);
        }
    }
}
