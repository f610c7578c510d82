package io.schedsim.prop.scenario;

/** The value type of a scenario knob. */
public enum KnobType {
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    STRING
}
