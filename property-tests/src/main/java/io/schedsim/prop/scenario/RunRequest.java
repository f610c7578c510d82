package io.schedsim.prop.scenario;

import java.util.Map;

/**
 * Everything that determines a run apart from the fault plan and ordering, which the scenario
 * derives from the seed unless the request carries them (replay).
 *
 * @param variant bug-zoo variant name, or null for the correct model
 */
public record RunRequest(String scenario, long seed, Map<String, Object> config, String variant) {}
