/** What a scenario registers as a Nomad job: type, count, resources, migrate and reschedule. */
package io.schedsim.model.job;
