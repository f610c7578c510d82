/**
 * JMH benchmarks; one JMH operation is one dispatched simulated event. Build with {@code mvn -B
 * -pl benchmarks -am package -DskipTests} and run {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.schedsim.bench;
