/** JUnit integration: properties as ordinary tests, budgets from system properties. */
package io.schedsim.prop.junit;
