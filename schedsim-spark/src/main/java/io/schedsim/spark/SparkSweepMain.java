package io.schedsim.spark;

import io.schedsim.cli.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The job jar's main class, for {@code spark-submit}: takes the arguments of {@code schedsim
 * sweep} and runs that sweep on the {@code spark} engine. Without {@code --master}, the sweep
 * runs on the master {@code spark-submit} was given ({@code spark.master}).
 */
public final class SparkSweepMain {
    private SparkSweepMain() {}

    public static void main(String[] args) {
        List<String> sweep = new ArrayList<>(List.of("sweep"));
        sweep.addAll(Arrays.asList(args));
        boolean engineGiven = sweep.stream()
                .anyMatch(arg -> arg.equals("--engine") || arg.startsWith("--engine="));
        if (!engineGiven) {
            sweep.add("--engine");
            sweep.add(SparkSweepEngine.NAME);
        }
        Main.main(sweep.toArray(String[]::new));
    }
}
