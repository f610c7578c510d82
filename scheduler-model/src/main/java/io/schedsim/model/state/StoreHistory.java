package io.schedsim.model.state;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocHealthSet;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.AllocUpdatedInPlace;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainCompleted;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.JobConstraintConfigured;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.JobGroupConfigured;
import io.schedsim.history.JobPurged;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobUpdated;
import io.schedsim.history.MigrateMarked;
import io.schedsim.history.NodeAttributeSet;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.NodePurged;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.history.Convert;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.job.Constraint;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.job.ReschedulePolicy;
import java.util.List;
import java.util.Map;

/**
 * The history events of the writes the store and the node lifecycle commit (docs/history.md):
 * every change of state a component makes passes through here, so no component can leave one
 * out. Each method returns at once without a sink; each is called after its change.
 */
final class StoreHistory {
    private final HistoryPort port;

    StoreHistory(HistoryPort port) {
        this.port = port;
    }

    HistoryPort port() {
        return port;
    }

    /** The registration, then one node-attribute-set per attribute, in name order (N-35). */
    void nodeRegistered(Node node) {
        if (!port.on()) {
            return;
        }
        long now = port.nowNanos();
        port.record(new NodeRegistered(now, node.slot(), node.cpuTotalMilli(),
                node.memTotalMb(), node.head(), node.replacesSlot()));
        for (Map.Entry<String, String> attribute : node.attributes().asMap().entrySet()) {
            port.record(new NodeAttributeSet(now, node.slot(), attribute.getKey(),
                    attribute.getValue()));
        }
        for (Map.Entry<String, Long> resource
                : node.attributes().rayResourcesMilli().entrySet()) {
            port.record(new io.schedsim.history.NodeResourceSet(now, node.slot(),
                    resource.getKey(), resource.getValue()));
        }
    }

    void status(Node node, String reason) {
        if (port.on()) {
            port.record(new NodeStatusChanged(port.nowNanos(), node.slot(),
                    Convert.of(node.status()), reason));
        }
    }

    void eligibility(Node node, EligibilitySource source) {
        if (port.on()) {
            port.record(new EligibilityChanged(port.nowNanos(), node.slot(), node.eligible(),
                    Convert.of(source)));
        }
    }

    /** The operator's drain disable, accepted (the operator API never rejects it). */
    void cancelCall(Node node, boolean markEligible) {
        if (port.on()) {
            port.record(new DrainCancelCall(port.nowNanos(), node.slot(), markEligible, true,
                    "ok"));
        }
    }

    /**
     * An accepted drain call (always accepted, N-1; force carries no deadline of its own),
     * published after the store's own effects and before the drainer reacts, so that a drain
     * done when set (N-17) completes after its call (docs/history.md §1.4 rule 3).
     */
    void drainSetCall(Node node, DrainSpec spec) {
        if (port.on()) {
            port.record(new DrainSetCall(port.nowNanos(), node.slot(),
                    spec.isForce() ? 0 : spec.deadlineMillis(), spec.isForce(),
                    spec.ignoreSystemJobs(), true, "ok"));
        }
    }

    void purged(Node node) {
        if (port.on()) {
            port.record(new NodePurged(port.nowNanos(), node.slot()));
        }
    }

    void drainCompleted(Node node, boolean deadlineReached) {
        if (port.on()) {
            port.record(new DrainCompleted(port.nowNanos(), node.slot(), deadlineReached));
        }
    }

    void jobRegistered(Job job) {
        if (!port.on()) {
            return;
        }
        MigrateBlock migrate = job.migrate();
        ReschedulePolicy reschedule = job.reschedule();
        port.record(new JobRegistered(port.nowNanos(), job.id(), job.name(),
                Convert.of(job.type()), job.count(), job.cpuMilli(), job.memMb(),
                migrate.maxParallel(), migrate.minHealthyTimeMillis(),
                migrate.healthyDeadlineMillis(), reschedule.attempts(), reschedule.delayMillis(),
                reschedule.unlimited()));
        DisconnectBlock disconnect = job.disconnect();
        if (disconnect.enabled()) {
            port.record(new JobDisconnectConfigured(port.nowNanos(), job.id(),
                    disconnect.lostAfterMillis(), disconnect.replace(),
                    disconnect.reconcile().jsonName()));
        }
        for (Constraint constraint : job.constraints()) {
            port.record(new JobConstraintConfigured(port.nowNanos(), job.id(),
                    constraint.leftTarget(), constraint.operator(), constraint.rightTarget()));
        }
        List<Job> groups = job.groups();
        if (groups.size() > 1) {
            port.record(new JobGroupConfigured(port.nowNanos(), job.id(), job.jobName(),
                    job.groupName(), groups.indexOf(job), groups.size()));
        }
    }

    /** A plan's in-place update (N-36). */
    void allocUpdatedInPlace(Alloc alloc) {
        if (port.on()) {
            port.record(new AllocUpdatedInPlace(port.nowNanos(), alloc.id(), alloc.jobVersion()));
        }
    }

    /** A new version or a stop (N-36). */
    void jobUpdated(Job job, boolean destructive) {
        if (port.on()) {
            port.record(new JobUpdated(port.nowNanos(), job.id(), job.version(), job.stopped(),
                    job.count(), destructive));
        }
    }

    /** {@code job stop -purge} (N-36). */
    void jobPurged(Job job) {
        if (port.on()) {
            port.record(new JobPurged(port.nowNanos(), job.id()));
        }
    }

    /** A placement and its reservation, in one step (INV-1, INV-17). */
    void allocPlaced(Alloc alloc) {
        if (!port.on()) {
            return;
        }
        long now = port.nowNanos();
        Job job = alloc.job();
        port.record(new AllocPlaced(now, alloc.id(), job.id(), alloc.node(),
                alloc.previousAlloc(), alloc.rescheduleAttempts()));
        port.record(new ResourcesReserved(now, alloc.node(), job.cpuMilli(), job.memMb(),
                alloc.id(), -1, -1));
    }

    void allocReleased(Alloc alloc) {
        if (port.on()) {
            port.record(new ResourcesReleased(port.nowNanos(), alloc.node(),
                    alloc.job().cpuMilli(), alloc.job().memMb(), alloc.id(), -1, -1));
        }
    }

    void desired(Alloc alloc, String reason) {
        if (port.on()) {
            port.record(new AllocDesiredChanged(port.nowNanos(), alloc.id(),
                    Convert.of(alloc.desired()), reason));
        }
    }

    void client(Alloc alloc) {
        if (port.on()) {
            port.record(new AllocClientChanged(port.nowNanos(), alloc.id(),
                    Convert.of(alloc.client())));
        }
    }

    void health(Alloc alloc) {
        if (port.on()) {
            port.record(new AllocHealthSet(port.nowNanos(), alloc.id(),
                    alloc.health() == Health.HEALTHY));
        }
    }

    void marked(Alloc alloc) {
        if (port.on()) {
            port.record(new MigrateMarked(port.nowNanos(), alloc.id(),
                    alloc.migrateDisablePlacement()));
        }
    }
}
