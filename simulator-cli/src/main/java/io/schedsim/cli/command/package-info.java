/**
 * One picocli command per {@code schedsim} subcommand of CLI.md. Commands reach the catalogs and
 * the output streams through their parent {@link io.schedsim.cli.command.SchedsimCommand}.
 */
package io.schedsim.cli.command;
