/**
 * A real Spark standalone cluster on loopback, without a Spark distribution: a Master and
 * Workers, each its own JVM, started from the jars Maven resolved (a {@code SPARK_HOME} whose
 * {@code jars/} holds them). The cluster tests and the sweep benchmark run on it.
 */
package io.schedsim.spark.loopback;
