package io.schedsim.history;

/** Field checks of the event records; each message starts with the field's name. */
final class Require {
    /** The largest time an event may carry: about 146 years, far beyond any run. */
    static final long TIME_MAX_NANOS = Long.MAX_VALUE / 2;

    private Require() {}

    static void time(long atNanos) {
        if (atNanos < 0 || atNanos > TIME_MAX_NANOS) {
            throw new IllegalArgumentException("atNanos out of range [0, " + TIME_MAX_NANOS
                    + "]: " + atNanos);
        }
    }

    static void id(String field, long id) {
        if (id < 0) {
            throw new IllegalArgumentException(field + " must be an id >= 0: " + id);
        }
    }

    static void idOrNone(String field, long id) {
        if (id < -1) {
            throw new IllegalArgumentException(field + " must be an id >= 0 or -1: " + id);
        }
    }

    static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
    }

    static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }

    static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and > 0: " + value);
        }
    }

    static void probability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1]: " + value);
        }
    }

    static void retries(String field, int value) {
        if (value < -1) {
            throw new IllegalArgumentException(field + " must be >= -1 (unlimited): " + value);
        }
    }

    static void text(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be a string, not null");
        }
    }

    static void present(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be given, not null");
        }
    }

    static void format(String format) {
        if (!HistoryFormat.VERSION_1.equals(format)) {
            throw new IllegalArgumentException("format must be \"" + HistoryFormat.VERSION_1
                    + "\", not " + (format == null ? "null" : "\"" + format + "\""));
        }
    }

    /** A reservation belongs to exactly one holder: an allocation, or a task attempt. */
    static void holder(int alloc, long task, int attempt) {
        if ((alloc >= 0) == (task >= 0)) {
            throw new IllegalArgumentException("alloc and task: exactly one holder must be >= 0"
                    + " (alloc " + alloc + ", task " + task + ")");
        }
        if ((task >= 0) != (attempt >= 0)) {
            throw new IllegalArgumentException("attempt must be >= 0 exactly when task is: "
                    + "task " + task + ", attempt " + attempt);
        }
    }
}
