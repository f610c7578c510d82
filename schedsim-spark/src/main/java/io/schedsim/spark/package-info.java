/**
 * The {@code spark} sweep engine: the blocks of a sweep run as Apache Spark tasks, one
 * single-threaded simulation per executor core, on {@code local[*]}, a standalone cluster, YARN or
 * Kubernetes. Spark does the scheduling, retries and shipping of jars; this package only turns
 * blocks into tasks and partials back into {@link io.schedsim.prop.search.engine.BlockListener}
 * calls. {@link io.schedsim.spark.SparkSweepMain} is the {@code spark-submit} entry point.
 */
package io.schedsim.spark;
