package io.schedsim.model.api;

/** Outcome of an operator API call; a rejected call changed nothing (N-21). */
public record ApiResult(boolean accepted, String message) {
    public static final ApiResult OK = new ApiResult(true, "ok");

    public static ApiResult rejected(String why) {
        return new ApiResult(false, why);
    }
}
