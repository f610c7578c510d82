/**
 * {@code schedsim jshell}: the JDK's jshell with the project's classpath and imports, or, given
 * notebooks ({@code .jsh} files), a non-interactive run of each that stops at the first snippet
 * that fails and names its file and line, so notebooks can run in CI.
 */
package io.schedsim.cli.jshell;
