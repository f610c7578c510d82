package io.schedsim.core.event;

/**
 * The layout of an event stored as a row of longs in a flat array: due time, tie key, handle,
 * payload, and kind and entity packed into one long. Every tier stores the whole event, so
 * ordering and dispatching an event never reads its slot record.
 */
final class EventEntry {
    static final int LONGS = 5;
    static final int TIME = 0;
    static final int TIE = 1;
    static final int HANDLE = 2;
    static final int PAYLOAD = 3;
    static final int KIND_ENTITY = 4;

    private EventEntry() {}

    static void write(long[] rows, int at, long time, long tie, long handle, long payload,
            long kindEntity) {
        rows[at + TIME] = time;
        rows[at + TIE] = tie;
        rows[at + HANDLE] = handle;
        rows[at + PAYLOAD] = payload;
        rows[at + KIND_ENTITY] = kindEntity;
    }

    static long packKindEntity(int kind, int entity) {
        return ((long) kind << 32) | (entity & 0xFFFF_FFFFL);
    }
}
