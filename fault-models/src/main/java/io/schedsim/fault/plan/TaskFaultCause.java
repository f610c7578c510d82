package io.schedsim.fault.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an F-3 {@link TaskCrash} fails the attempt it hits. */
public enum TaskFaultCause {
    /** The worker process is killed (Ray's {@code WorkerKillerActor}): WORKER_DIED, R-2. */
    @JsonProperty("worker-died") WORKER_DIED,
    /**
     * The task raises an application error: TASK_EXECUTION_EXCEPTION, retried only with
     * {@code retry_exceptions} and then counted against max_retries. Ray tasks only.
     */
    @JsonProperty("application-error") APPLICATION_ERROR;

    /** The JSON and report name. */
    public String label() {
        return this == WORKER_DIED ? "worker-died" : "application-error";
    }

    /**
     * Jackson's value filter for {@code @JsonInclude(CUSTOM)}: true (leave the field out) for the
     * default cause, so a plan without the new fields writes the same bytes as before them.
     */
    public static final class DefaultFilter {
        @Override
        public boolean equals(Object other) {
            return other == null || other == WORKER_DIED;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
