/** The cluster model's single configuration object and its policy enums. */
package io.schedsim.model.config;
