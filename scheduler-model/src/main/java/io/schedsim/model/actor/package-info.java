/**
 * Ray actors: long-lived workers with state, placed like leases, executing
 * the tasks submitted to them one at a time in submission order, restarted elsewhere when their
 * worker or node dies under max_restarts, with an in-flight task retried under
 * max_task_retries; the component that decides both is {@link
 * io.schedsim.model.actor.ActorFaultPolicy}.
 */
package io.schedsim.model.actor;
