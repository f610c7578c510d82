package io.schedsim.history.jsonl;

import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.Map;

/**
 * How one event record maps to JSON: its components in declaration order, each with its kind,
 * accessor and (for enums) constant names, and the canonical constructor. Built once per
 * {@link EventType} from the record itself, so a new field cannot be forgotten by the codec.
 */
final class RecordCodec {
    private static final Map<EventType, RecordCodec> CODECS = build();

    final EventType type;
    final String[] names;
    final FieldKind[] kinds;
    final Class<?>[] classes;
    final MethodHandle[] accessors;
    final MethodHandle constructor;

    private RecordCodec(EventType type) throws ReflectiveOperationException {
        this.type = type;
        RecordComponent[] components = type.recordClass().getRecordComponents();
        int n = components.length;
        names = new String[n];
        kinds = new FieldKind[n];
        classes = new Class<?>[n];
        accessors = new MethodHandle[n];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (int i = 0; i < n; i++) {
            names[i] = components[i].getName();
            classes[i] = components[i].getType();
            kinds[i] = FieldKind.of(classes[i]);
            accessors[i] = lookup.unreflect(components[i].getAccessor());
        }
        if (n == 0 || !"atNanos".equals(names[0])) {
            throw new IllegalStateException(type + ": atNanos must be the first component");
        }
        Constructor<? extends HistoryEvent> canonical =
                type.recordClass().getDeclaredConstructor(classes);
        constructor = lookup.unreflectConstructor(canonical);
    }

    private static Map<EventType, RecordCodec> build() {
        Map<EventType, RecordCodec> codecs = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try {
                codecs.put(type, new RecordCodec(type));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot map " + type + " to JSON", e);
            }
        }
        return codecs;
    }

    static RecordCodec of(EventType type) {
        return CODECS.get(type);
    }

    /** Index of the component called {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
