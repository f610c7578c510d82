package io.schedsim.prop.scenario;

import java.util.Map;

/** Typed reads of a validated scenario config (knob name → value). */
public final class Config {
    private final Map<String, Object> values;

    public Config(Map<String, Object> values) {
        this.values = values;
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("config has no knob " + name);
        }
        return value;
    }

    public int intValue(String name) {
        return ((Number) get(name)).intValue();
    }

    public long longValue(String name) {
        return ((Number) get(name)).longValue();
    }

    public double doubleValue(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean booleanValue(String name) {
        return (Boolean) get(name);
    }

    public String stringValue(String name) {
        return (String) get(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
