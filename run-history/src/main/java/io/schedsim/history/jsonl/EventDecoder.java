package io.schedsim.history.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import java.util.Iterator;

/**
 * Turns one parsed line into its event record, checking the fields strictly against the
 * record's components: no field missing, none unknown, each of its declared JSON type and
 * range. The record's own constructor then checks the domain rules (ids, times, probabilities).
 */
final class EventDecoder {
    private static final int SHOWN_CHARS_MAX = 40;

    HistoryEvent decode(long lineNumber, JsonNode object, long expectedSeq) {
        if (!object.isObject()) {
            throw new HistoryFormatException(lineNumber, "expected one JSON object, got "
                    + shown(object));
        }
        checkSeq(lineNumber, object.get("seq"), expectedSeq);
        RecordCodec codec = RecordCodec.of(typeOf(lineNumber, object.get("type")));
        String typeName = codec.type.jsonName();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("seq") && !name.equals("type") && codec.indexOf(name) < 0) {
                throw new HistoryFormatException(lineNumber, "unknown field '" + name + "' in "
                        + typeName);
            }
        }
        Object[] values = new Object[codec.names.length];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = object.get(codec.names[i]);
            if (value == null) {
                throw new HistoryFormatException(lineNumber, "missing field '" + codec.names[i]
                        + "' in " + typeName);
            }
            values[i] = value(lineNumber, codec, i, value);
        }
        try {
            return (HistoryEvent) codec.constructor.invokeWithArguments(values);
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(lineNumber, typeName + ": " + e.getMessage());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build " + typeName, e);
        }
    }

    private static void checkSeq(long lineNumber, JsonNode seq, long expected) {
        if (seq == null) {
            throw new HistoryFormatException(lineNumber, "missing field 'seq'");
        }
        if (!seq.isIntegralNumber() || !seq.canConvertToLong()) {
            throw new HistoryFormatException(lineNumber, "field 'seq': expected a long integer,"
                    + " got " + shown(seq));
        }
        if (seq.longValue() != expected) {
            throw new HistoryFormatException(lineNumber, "field 'seq' is " + seq.longValue()
                    + ", expected " + expected + " (the event's position)");
        }
    }

    private static EventType typeOf(long lineNumber, JsonNode type) {
        if (type == null) {
            throw new HistoryFormatException(lineNumber, "missing field 'type'");
        }
        if (!type.isTextual()) {
            throw new HistoryFormatException(lineNumber, "field 'type': expected a string, got "
                    + shown(type));
        }
        EventType eventType = EventType.byJsonName(type.textValue());
        if (eventType == null) {
            throw new HistoryFormatException(lineNumber, "unknown type '" + type.textValue()
                    + "'");
        }
        return eventType;
    }

    private static Object value(long lineNumber, RecordCodec codec, int i, JsonNode node) {
        FieldKind kind = codec.kinds[i];
        boolean ok;
        switch (kind) {
            case INT:
                ok = node.isIntegralNumber() && node.canConvertToInt();
                if (ok) {
                    return node.intValue();
                }
                break;
            case LONG:
                ok = node.isIntegralNumber() && node.canConvertToLong();
                if (ok) {
                    return node.longValue();
                }
                break;
            case DOUBLE:
                if (node.isNumber()) {
                    return node.doubleValue();
                }
                break;
            case BOOLEAN:
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                break;
            case STRING:
                if (node.isTextual()) {
                    return node.textValue();
                }
                break;
            case ENUM:
                Object constant = node.isTextual() ? constant(codec.classes[i], node.textValue())
                        : null;
                if (constant != null) {
                    return constant;
                }
                throw wrongType(lineNumber, codec, i, node, kind.expected() + " "
                        + names(codec.classes[i]));
            default:
                throw new AssertionError(kind);
        }
        String expected = kind.expected();
        if ((kind == FieldKind.INT || kind == FieldKind.LONG) && node.isIntegralNumber()) {
            expected += " (value out of range)";
        }
        throw wrongType(lineNumber, codec, i, node, expected);
    }

    private static HistoryFormatException wrongType(long lineNumber, RecordCodec codec, int i,
            JsonNode node, String expected) {
        return new HistoryFormatException(lineNumber, "field '" + codec.names[i] + "' of "
                + codec.type.jsonName() + ": expected " + expected + ", got " + shown(node));
    }

    private static Object constant(Class<?> enumClass, String name) {
        for (Object constant : enumClass.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private static String names(Class<?> enumClass) {
        StringBuilder names = new StringBuilder();
        for (Object constant : enumClass.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : "|").append(((Enum<?>) constant).name());
        }
        return names.toString();
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= SHOWN_CHARS_MAX ? text
                : text.substring(0, SHOWN_CHARS_MAX) + "...";
    }
}
