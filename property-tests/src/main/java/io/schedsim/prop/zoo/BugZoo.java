package io.schedsim.prop.zoo;

import io.schedsim.prop.scenario.InputException;
import java.util.ArrayList;
import java.util.List;

/** The bug-zoo variants; the correct model is not one of them. */
public final class BugZoo {
    private static final List<BugVariant> VARIANTS = new ArrayList<>();

    private BugZoo() {}

    public static List<BugVariant> all() {
        return List.copyOf(VARIANTS);
    }

    /** The variant called {@code name}; null stays null (the correct model). */
    public static BugVariant find(String name) {
        if (name == null) {
            return null;
        }
        for (BugVariant variant : VARIANTS) {
            if (variant.name().equals(name)) {
                return variant;
            }
        }
        List<String> names = new ArrayList<>();
        VARIANTS.forEach(v -> names.add(v.name()));
        throw new InputException("--variant: unknown variant '" + name + "' (known: "
                + String.join(", ", names) + ")");
    }
}
