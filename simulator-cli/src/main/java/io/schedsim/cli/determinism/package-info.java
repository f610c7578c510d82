/**
 * Run-twice checks behind {@code check-determinism}: both runs in this JVM (compared through
 * in-memory traces), or one here and one in a fresh JVM (compared through JSONL trace files).
 * Either way the report names the first event that differs.
 */
package io.schedsim.cli.determinism;
