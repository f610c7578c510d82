package io.schedsim.model.history;

import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.DetectorPolicy;
import io.schedsim.history.EligibilitySource;
import io.schedsim.history.JobType;
import io.schedsim.history.NodeStatus;

/**
 * The model's enums as the history's: the same constant names (docs/history.md, "Enums"),
 * looked up once by name into arrays indexed by the model's ordinals, so a conversion on the hot
 * path is an array read. A model constant without a history counterpart fails at class load.
 */
public final class Convert {
    private static final ClientStatus[] CLIENT =
            byName(io.schedsim.model.alloc.ClientStatus.values(), ClientStatus.class);
    private static final DesiredStatus[] DESIRED =
            byName(io.schedsim.model.alloc.DesiredStatus.values(), DesiredStatus.class);
    private static final NodeStatus[] NODE_STATUS =
            byName(io.schedsim.model.node.NodeStatus.values(), NodeStatus.class);
    private static final JobType[] JOB_TYPE =
            byName(io.schedsim.model.job.JobType.values(), JobType.class);
    private static final EligibilitySource[] SOURCE =
            byName(io.schedsim.model.api.EligibilitySource.values(), EligibilitySource.class);
    private static final DetectorPolicy[] DETECTOR =
            byName(io.schedsim.model.config.DetectorPolicy.values(), DetectorPolicy.class);

    private Convert() {}

    public static ClientStatus of(io.schedsim.model.alloc.ClientStatus status) {
        return CLIENT[status.ordinal()];
    }

    public static DesiredStatus of(io.schedsim.model.alloc.DesiredStatus status) {
        return DESIRED[status.ordinal()];
    }

    public static NodeStatus of(io.schedsim.model.node.NodeStatus status) {
        return NODE_STATUS[status.ordinal()];
    }

    public static JobType of(io.schedsim.model.job.JobType type) {
        return JOB_TYPE[type.ordinal()];
    }

    public static EligibilitySource of(io.schedsim.model.api.EligibilitySource source) {
        return SOURCE[source.ordinal()];
    }

    public static DetectorPolicy of(io.schedsim.model.config.DetectorPolicy detector) {
        return DETECTOR[detector.ordinal()];
    }

    /** {@code history[i]} is the constant of {@code type} named like {@code model[i]}. */
    public static <H extends Enum<H>> H[] byName(Enum<?>[] model, Class<H> type) {
        H[] history = java.util.Arrays.copyOf(type.getEnumConstants(), model.length);
        for (Enum<?> constant : model) {
            history[constant.ordinal()] = Enum.valueOf(type, constant.name());
        }
        return history;
    }
}
