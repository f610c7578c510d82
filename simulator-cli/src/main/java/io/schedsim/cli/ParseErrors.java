package io.schedsim.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Describes picocli's parse errors as one line naming the argument, without usage help. */
final class ParseErrors {
    private ParseErrors() {}

    static String describe(ParameterException exception) {
        CommandLine commandLine = exception.getCommandLine();
        if (exception instanceof UnmatchedArgumentException) {
            return unmatched((UnmatchedArgumentException) exception);
        }
        if (exception instanceof CommandLine.MissingParameterException) {
            List<ArgSpec> missing =
                    ((CommandLine.MissingParameterException) exception).getMissing();
            if (missing.size() == 1 && missing.get(0) instanceof OptionSpec) {
                OptionSpec option = (OptionSpec) missing.get(0);
                return option.longestName() + ": missing value (" + option.paramLabel() + ")";
            }
            String names = missing.stream().map(ParseErrors::nameOf)
                    .collect(Collectors.joining(", "));
            return commandName(commandLine) + "missing " + names;
        }
        ArgSpec argument = exception.getArgSpec();
        if (argument != null && exception.getCause() instanceof TypeConversionException) {
            // Our converters' messages quote the value and say what was expected.
            return nameOf(argument) + ": " + exception.getCause().getMessage();
        }
        return commandName(commandLine) + exception.getMessage();
    }

    private static String unmatched(UnmatchedArgumentException exception) {
        CommandLine commandLine = exception.getCommandLine();
        String first = exception.getUnmatched().isEmpty() ? "" : exception.getUnmatched().get(0);
        if (exception.isUnknownOption()) {
            List<String> suggestions = exception.getSuggestions();
            String hint = suggestions.isEmpty() ? ""
                    : " (did you mean " + String.join(" or ", suggestions) + "?)";
            return commandName(commandLine) + "unknown option '" + first + "'" + hint;
        }
        if (commandLine.getParent() == null) {
            return "unknown command '" + first + "' (try: "
                    + String.join(", ", commandLine.getSubcommands().keySet()) + ")";
        }
        return commandName(commandLine) + "unexpected argument '" + first + "'";
    }

    /** "run: " for a subcommand, nothing for the root. */
    private static String commandName(CommandLine commandLine) {
        if (commandLine == null || commandLine.getParent() == null) {
            return "";
        }
        return commandLine.getCommandName() + ": ";
    }

    private static String nameOf(ArgSpec argument) {
        if (argument instanceof OptionSpec) {
            return ((OptionSpec) argument).longestName();
        }
        return argument.paramLabel();
    }
}
