package io.schedsim.prop.zoo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.schedsim.model.ModelComponents;

/**
 * A deliberately wrong model component, selectable with {@code --variant NAME}: its components
 * are the defaults with exactly the wrong component replaced, nothing else.
 */
public record BugVariant(String name, String description, @JsonIgnore ModelComponents components) {
    /** A named entry that runs the correct components; for listings and tests of the CLI. */
    public BugVariant(String name, String description) {
        this(name, description, ModelComponents.defaults());
    }
}
