package io.schedsim.fault.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The JSON form of fault plans. The mapper is configured so that the same plan always gives the
 * same bytes (record component order, map entries sorted by key, fixed indentation) and so that
 * reading is strict: unknown action types, unknown fields and missing fields are errors that
 * name the offending field, never silent defaults or truncated numbers, and input nested deeper
 * than {@value #NESTING_DEPTH_MAX} levels is refused.
 */
public final class FaultPlanJson {
    /**
     * Plans and replay files nest about six levels, so deeper input is malformed; refusing it early
     * keeps the error one line naming the field (at Jackson's default limit of 1,000 levels the
     * error carried no location, and the CLI failed on it).
     */
    public static final int NESTING_DEPTH_MAX = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(NESTING_DEPTH_MAX).build())
                    .build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // A time of 60000.5 ms is an error, not 60000 ms.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private FaultPlanJson() {}

    /** A copy of the configured mapper, for callers that embed plans in larger documents. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static String write(FaultPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a plan.
     *
     * @throws IllegalArgumentException naming the field, for malformed or invalid input
     */
    public static FaultPlan read(String json) {
        try {
            return MAPPER.readValue(json, FaultPlan.class);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException mapping
                    ? path(mapping) : String.valueOf(e.getLocation());
            throw new IllegalArgumentException(
                    "invalid fault plan at " + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON path such as {@code actions[3].node}. */
    public static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "top level" : path.toString();
    }
}
