package io.schedsim.spark;

/**
 * What Spark reported about a session's tasks (see {@link TaskHealth}).
 *
 * @param tasksFailed tasks that failed and were retried, e.g. on a lost executor
 * @param tasksKilled tasks killed by a cancelled job
 */
public record SparkTaskStats(long tasksSucceeded, long tasksFailed, long tasksKilled,
        long executorsAdded, long executorsRemoved) {
    public static final SparkTaskStats NONE = new SparkTaskStats(0, 0, 0, 0, 0);
}
