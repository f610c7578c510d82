package io.schedsim.cli;

import io.schedsim.core.event.SimulationFailure;
import io.schedsim.prop.scenario.InputException;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one {@code schedsim: } line and an exit code: parse errors and
 * {@link InputException}s are exit 2, a failed model check during a run is exit 1 (the run found a
 * bug), anything else is exit 3 with a hint to rerun with {@code -Dschedsim.debug=true}.
 */
final class ErrorReporter
        implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final String DEBUG_PROPERTY = "schedsim.debug";

    private final CliContext context;

    ErrorReporter(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        context.error(ParseErrors.describe(exception));
        return ExitCode.INPUT;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
            ParseResult parseResult) {
        if (exception instanceof ParameterException) {
            return handleParseException((ParameterException) exception, new String[0]);
        }
        if (exception instanceof InputException) {
            context.error(exception.getMessage());
            return ExitCode.INPUT;
        }
        if (exception instanceof SimulationFailure) {
            context.error(commandLine.getCommandName() + ": " + exception.getMessage());
            return ExitCode.VIOLATION;
        }
        return internal(exception);
    }

    /** Reports an unexpected failure: one line, plus the stack trace in debug mode. */
    int internal(Throwable failure) {
        String what = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getMessage() + " (" + failure.getClass().getName() + ")";
        if (Boolean.getBoolean(DEBUG_PROPERTY)) {
            context.error("internal error: " + what);
            failure.printStackTrace(context.err());
        } else {
            context.error("internal error: " + what + "; rerun with JAVA_OPTS=-D" + DEBUG_PROPERTY
                    + "=true for the stack trace");
        }
        return ExitCode.INTERNAL;
    }

    /** Describes picocli's parse errors as one line naming the argument. */
    static final class ParseErrors {
        private ParseErrors() {}

        static String describe(ParameterException exception) {
            CommandLine commandLine = exception.getCommandLine();
            if (exception instanceof CommandLine.UnmatchedArgumentException) {
                return unmatched((CommandLine.UnmatchedArgumentException) exception);
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
            if (argument != null && exception.getCause() instanceof CommandLine.TypeConversionException) {
                return nameOf(argument) + ": " + exception.getCause().getMessage();
            }
            return commandName(commandLine) + exception.getMessage();
        }

        private static String unmatched(CommandLine.UnmatchedArgumentException exception) {
            CommandLine commandLine = exception.getCommandLine();
            String first = exception.getUnmatched().isEmpty() ? ""
                    : exception.getUnmatched().get(0);
            if (exception.isUnknownOption()) {
                String hint = exception.getSuggestions().isEmpty() ? ""
                        : " (did you mean " + String.join(" or ", exception.getSuggestions()) + "?)";
                return commandName(commandLine) + "unknown option '" + first + "'" + hint;
            }
            if (commandLine.getParent() == null) {
                return "unknown command '" + first + "' (try: "
                        + String.join(", ", commandLine.getSubcommands().keySet()) + ")";
            }
            return commandName(commandLine) + "unexpected argument '" + first + "'";
        }

        private static String commandName(CommandLine commandLine) {
            if (commandLine == null || commandLine.getParent() == null) {
                return "";
            }
            return commandLine.getCommandName() + ": ";
        }

        static String nameOf(ArgSpec argument) {
            if (argument instanceof OptionSpec) {
                return ((OptionSpec) argument).longestName();
            }
            return argument.paramLabel();
        }
    }
}
