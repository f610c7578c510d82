package io.schedsim.prop.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.schedsim.prop.scenario.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's binding errors as one line naming the field: a record's own check ("atMillis must
 * be within ...") names the component it checked, a fractional number where a whole one belongs
 * says so, and anything else keeps Jackson's first line.
 */
final class JsonProblems {
    /** The records' checks start with the component they check: "deadlineMillis must be ...". */
    private static final Pattern COMPONENT_CHECK = Pattern.compile("^([a-z][A-Za-z]*) (must .*)$");

    private JsonProblems() {}

    static InputException field(String where, String path, JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            String message = e.getCause().getMessage();
            Matcher check = COMPONENT_CHECK.matcher(message == null ? "" : message);
            if (check.matches()) {
                return ReplayFiles.field(where, path + "." + check.group(1), check.group(2));
            }
            return ReplayFiles.field(where, path, message);
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            JsonParser.NumberType number = numberType(e);
            if (number == JsonParser.NumberType.DOUBLE || number == JsonParser.NumberType.FLOAT
                    || number == JsonParser.NumberType.BIG_DECIMAL) {
                return ReplayFiles.field(where, path, "expected a whole number, got a fraction");
            }
        }
        return ReplayFiles.field(where, path, e.getOriginalMessage().split("\n")[0]);
    }

    /** The kind of number the parser was on when binding failed, or null. */
    private static JsonParser.NumberType numberType(JsonMappingException e) {
        Object processor = e.getProcessor();
        if (!(processor instanceof JsonParser parser)) {
            return null;
        }
        try {
            return parser.currentToken() != null && parser.currentToken().isNumeric()
                    ? parser.getNumberType() : null;
        } catch (java.io.IOException ignored) {
            return null;
        }
    }
}
