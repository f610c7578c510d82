package io.schedsim.core.trace;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/** Records every event into primitive columns; kind names are shared, not copied. */
public final class MemoryTraceSink implements TraceSink {
    private final LongArrayList times = new LongArrayList();
    private final ObjectArrayList<String> kinds = new ObjectArrayList<>();
    private final IntArrayList entities = new IntArrayList();
    private final LongArrayList payloads = new LongArrayList();
    private final LongArrayList hashes = new LongArrayList();

    @Override
    public void onEvent(long eventIndex, long timeNanos, String kind, int entity, long payload,
            long hashAfter) {
        times.add(timeNanos);
        kinds.add(kind);
        entities.add(entity);
        payloads.add(payload);
        hashes.add(hashAfter);
    }

    public int size() {
        return times.size();
    }

    public TraceEvent get(int index) {
        return new TraceEvent(index, times.getLong(index), kinds.get(index),
                entities.getInt(index), payloads.getLong(index), hashes.getLong(index));
    }

    public long hashAt(int index) {
        return hashes.getLong(index);
    }
}
