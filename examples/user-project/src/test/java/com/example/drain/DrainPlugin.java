package com.example.drain;

import io.schedsim.fault.kind.FaultKind;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.job.JobSpec;
import io.schedsim.prop.plugin.SchedsimPlugin;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.custom.CustomScenario;
import io.schedsim.prop.spec.UserCheck;
import io.schedsim.prop.spec.Variant;
import java.util.List;

/**
 * What this project adds to schedsim, registered in
 * META-INF/services/io.schedsim.prop.plugin.SchedsimPlugin so that tests and
 * {@code ./schedsim ... --classpath} find it by name: our scenario, our drainer as a variant, and
 * our property.
 */
public final class DrainPlugin implements SchedsimPlugin {
    @Override
    public List<Scenario> scenarios() {
        return List.of(CustomScenario.builder("nightly-drains")
                .description("five nodes, an api of three (max_parallel 1) and an agent on "
                        + "each; operators drain up to three nodes")
                .nodes(5, 4_000, 8_192)
                .job(JobSpec.service("api", 3, 500, 256))
                .job(JobSpec.system("agent", 100, 128))
                // Drains only: two free nodes always remain, so every allocation can move.
                .faultKinds(FaultKind.DRAIN)
                .faultWindowMillis(10_000, 300_000)
                .settleMillis(300_000)
                .build());
    }

    @Override
    public List<Variant> variants() {
        return List.of(Variant.of("off-by-one-drainer",
                "pacing loop starts at 1: one migration too few per pass",
                ModelComponents.defaults().withDrainer(OffByOneDrainer::new))
                .withScenario("nightly-drains").withGuard("drains-finish"));
    }

    @Override
    public List<UserCheck> checks() {
        return List.of(new DrainsFinish());
    }
}
