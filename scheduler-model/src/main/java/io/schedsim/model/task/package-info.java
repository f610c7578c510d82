/**
 * Ray tasks (SEMANTICS §2.3, R-1..R-3, R-10, R-13, R-14): the nested chaos workload of SC-1, held
 * in primitive columns (no object per task), leased through a {@code RayPlacement}, retried by its
 * owner under a {@link io.schedsim.model.task.RetryPolicy}, and checked online (INV-1, INV-18,
 * INV-19) and at the end of a run (INV-17, INV-23, INV-26).
 */
package io.schedsim.model.task;
