/** Nomad jobs: type, count, resources, migrate and reschedule blocks. */
package io.schedsim.model.job;
