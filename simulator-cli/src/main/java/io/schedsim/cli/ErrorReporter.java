package io.schedsim.cli;

import io.schedsim.core.event.SimulationFailure;
import io.schedsim.prop.scenario.InputException;
import picocli.CommandLine;
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
}
