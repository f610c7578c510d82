/** Operator API data: drain requests, call results, eligibility sources. */
package io.schedsim.model.api;
