package io.schedsim.prop.zoo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.schedsim.model.ModelComponents;

/**
 * A deliberately wrong model component, selectable with {@code --variant NAME}: the components
 * factory overrides exactly the component that is wrong, nothing else.
 */
public record BugVariant(String name, String description, @JsonIgnore ModelComponents components) {
    /** A named entry that runs the correct components; for listings and tests of the CLI. */
    public BugVariant(String name, String description) {
        this(name, description, ModelComponents.CORRECT);
    }
}
