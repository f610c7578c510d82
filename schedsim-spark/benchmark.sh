#!/usr/bin/env bash
# Sweep-engine benchmark (SparkSweepBenchmark): seeds/s of the same blocks on threads, Spark
# local[2] and a two-Worker loopback cluster, and Spark's fixed cost per job and per task.
# Usage: schedsim-spark/benchmark.sh [SEEDS]   (default 20000; builds what it needs first)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET="$ROOT/schedsim-spark/target"
cd "$ROOT"
if [ ! -d "$TARGET/spark-home/jars" ] || [ ! -f "$TARGET/schedsim-spark-job.jar" ] \
    || [ -n "$(find schedsim-spark/src/main property-tests/src/main -newer "$TARGET/schedsim-spark.jar" -print -quit)" ]; then
  # verify without tests: packages the jars and fills target/spark-home (pre-integration-test).
  mvn -B -q -pl schedsim-spark -am verify -DskipTests >&2
fi
options=$(grep -v '^[[:space:]]*$' schedsim-spark/src/main/resources/io/schedsim/spark/jvm-options.txt)
# shellcheck disable=SC2086
exec java $options -Dschedsim.spark.jobJar="$TARGET/schedsim-spark-job.jar" \
  -cp "simulator-cli/target/schedsim.jar:$TARGET/schedsim-spark.jar:$(cat "$TARGET/classpath.txt")" \
  io.schedsim.spark.bench.SparkSweepBenchmark "${1:-20000}" "$TARGET/spark-home"
