/**
 * JUnit integration: properties as ordinary tests ({@link io.schedsim.prop.junit.PropertyCheck}),
 * each with its own budget unless a system property overrides it, failing with the commands that
 * replay the failure in the user's own project.
 */
package io.schedsim.prop.junit;
