package io.schedsim.prop.zoo;

/** A deliberately wrong model component, selectable with {@code --variant NAME}. */
public record BugVariant(String name, String description) {}
