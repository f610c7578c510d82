package io.schedsim.monitor;

import io.schedsim.monitor.detect.FalsePositiveGuard;
import io.schedsim.monitor.detect.HealthCheckGuard;
import io.schedsim.monitor.detect.KillerGuard;
import io.schedsim.monitor.detect.LegacyHeartbeatGuard;
import io.schedsim.monitor.detect.TtlGuard;
import io.schedsim.monitor.live.LivenessJudge;
import io.schedsim.monitor.nomad.CoalesceGuard;
import io.schedsim.monitor.nomad.ConstraintGuard;
import io.schedsim.monitor.nomad.DisconnectGuard;
import io.schedsim.monitor.nomad.DoneAtSetGuard;
import io.schedsim.monitor.nomad.DrainGuard;
import io.schedsim.monitor.nomad.EligibilityGuard;
import io.schedsim.monitor.nomad.EvalGuard;
import io.schedsim.monitor.nomad.HealthDeadlineGuard;
import io.schedsim.monitor.nomad.JobPurgeGuard;
import io.schedsim.monitor.nomad.LossGuard;
import io.schedsim.monitor.nomad.MarkGuard;
import io.schedsim.monitor.nomad.MigrateFirstGuard;
import io.schedsim.monitor.nomad.PlacementGuard;
import io.schedsim.monitor.nomad.PlanGuard;
import io.schedsim.monitor.nomad.PurgeGuard;
import io.schedsim.monitor.nomad.ReconnectGuard;
import io.schedsim.monitor.nomad.ReplacementGuard;
import io.schedsim.monitor.nomad.SplitTerminalEvalGuard;
import io.schedsim.monitor.nomad.SystemGuard;
import io.schedsim.monitor.nomad.TransitionGuard;
import io.schedsim.monitor.nomad.UpdateGuard;
import io.schedsim.monitor.ray.ActorGuard;
import io.schedsim.monitor.ray.AffinityGuard;
import io.schedsim.monitor.ray.AttemptGuard;
import io.schedsim.monitor.ray.LeaseGuard;
import io.schedsim.monitor.ray.LedgerGuard;
import io.schedsim.monitor.ray.OwnerDeathGuard;
import io.schedsim.monitor.ray.RayDrainGuard;
import io.schedsim.monitor.ray.WorkerExitGuard;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;

/** Every guard, in the fixed order in which they see each event (so reports are ordered). */
final class Guards {
    private Guards() {}

    static Guard[] all(State state) {
        return new Guard[] {
            new PlacementGuard(state),
            new ConstraintGuard(state),
            new EligibilityGuard(state),
            new DrainGuard(state),
            new DoneAtSetGuard(state),
            new CoalesceGuard(state),
            new MarkGuard(state),
            new HealthDeadlineGuard(state),
            new ReplacementGuard(state),
            new SystemGuard(state),
            new UpdateGuard(state),
            new JobPurgeGuard(state),
            new LossGuard(state),
            new PurgeGuard(state),
            new DisconnectGuard(state),
            new ReconnectGuard(state),
            new MigrateFirstGuard(state),
            new PlanGuard(state),
            new EvalGuard(state),
            new SplitTerminalEvalGuard(state),
            new TransitionGuard(state),
            new TtlGuard(state),
            new LegacyHeartbeatGuard(state),
            new HealthCheckGuard(state),
            new FalsePositiveGuard(state),
            new KillerGuard(state),
            new AttemptGuard(state),
            new LeaseGuard(state),
            new AffinityGuard(state),
            new LedgerGuard(state),
            new RayDrainGuard(state),
            new WorkerExitGuard(state),
            new OwnerDeathGuard(state),
            new ActorGuard(state),
            new LivenessJudge(state),
        };
    }
}
