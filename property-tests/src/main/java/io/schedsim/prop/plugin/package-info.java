/**
 * Opening the engine to users' code: a {@link io.schedsim.prop.plugin.SchedsimPlugin} registers
 * scenarios, variants and checks through {@link java.util.ServiceLoader}; the {@link
 * io.schedsim.prop.plugin.Registry} resolves names, and (name, provider class) pairs from files,
 * with one-line errors. The built-ins are one plugin like any other.
 */
package io.schedsim.prop.plugin;
