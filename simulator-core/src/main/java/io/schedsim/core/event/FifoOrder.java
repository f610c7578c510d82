package io.schedsim.core.event;

/** Same-time events run in scheduling order: the tie key is the scheduling sequence. */
final class FifoOrder implements SameTimeOrder {
    static final FifoOrder INSTANCE = new FifoOrder();

    private FifoOrder() {}

    @Override
    public long tieKey(long sequence, int kind, int entity) {
        return sequence;
    }

    @Override
    public String describe() {
        return "fifo";
    }
}
