/**
 * One picocli command per {@code schedsim} subcommand of CLI.md. Commands reach the plugins and
 * the output streams through their parent {@link io.schedsim.cli.command.SchedsimCommand}, and
 * build their registry from {@code --classpath} ({@link io.schedsim.cli.command.ClassPathOption}).
 */
package io.schedsim.cli.command;
