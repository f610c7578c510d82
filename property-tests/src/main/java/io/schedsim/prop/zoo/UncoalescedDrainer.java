package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;

/**
 * Bug 11: drain deadlines fire each at its own instant, ignoring NodeDeadlineCoalesceWindow
 * (nomad/drainer/drain_heap.go batches every deadline within the window of the earliest and
 * fires them together at the latest of them). The model's behaviour before issue 12. Breaks
 * INV-9 as N-19 sharpens it.
 */
final class UncoalescedDrainer extends NomadDrainer {
    UncoalescedDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected long deadlineCoalesceWindowNanos() {
        return 0;
    }
}
