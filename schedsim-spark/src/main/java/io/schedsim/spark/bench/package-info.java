/**
 * The sweep-engine benchmark: seeds per second of the same blocks on the threads engine, Spark's
 * {@code local[2]} and a two-Worker loopback cluster, and Spark's fixed cost per job and task.
 */
package io.schedsim.spark.bench;
