package io.schedsim.history.jsonl;

/** The JSON shape of one record component; the reader checks values against it strictly. */
enum FieldKind {
    INT("an int"),
    LONG("a long integer"),
    DOUBLE("a number"),
    BOOLEAN("true or false"),
    STRING("a string"),
    ENUM("one of the names");

    private final String expected;

    FieldKind(String expected) {
        this.expected = expected;
    }

    /** How an error message names what the field should have held. */
    String expected() {
        return expected;
    }

    static FieldKind of(Class<?> type) {
        if (type == int.class) {
            return INT;
        }
        if (type == long.class) {
            return LONG;
        }
        if (type == double.class) {
            return DOUBLE;
        }
        if (type == boolean.class) {
            return BOOLEAN;
        }
        if (type == String.class) {
            return STRING;
        }
        if (type.isEnum()) {
            return ENUM;
        }
        throw new IllegalArgumentException("history events hold primitives, strings and enums,"
                + " not " + type.getName());
    }
}
