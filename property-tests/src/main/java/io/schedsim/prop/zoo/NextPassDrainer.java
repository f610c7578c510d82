package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.state.Node;

/**
 * Bug 9: a drain set on a node with nothing to drain (no allocations, or only system and
 * client-terminal ones) waits for the drainer's next batched pass instead of completing at once,
 * as Nomad's node watcher does (nomad/drainer/watch_nodes.go {@code Update}: "if an operator
 * drains a node with nothing on it we unset drain"). This was the model's own behaviour before
 * issue 12. Breaks INV-8 at the call (N-17).
 */
final class NextPassDrainer extends NomadDrainer {
    NextPassDrainer(ModelContext context) {
        super(context);
    }

    @Override
    protected boolean completesWhenSet(Node node) {
        return false;
    }
}
