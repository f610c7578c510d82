package io.schedsim.prop.spec;

import java.util.Objects;
import java.util.function.Function;

/**
 * A user's property of a finished run, beside the model's invariants: it reads the run (its
 * result, final state, node events, fault ledger) and says what is wrong, or null. The search
 * treats a violation as an invariant called {@link #name()}: it is shrunk (the same check must
 * keep failing), written into the replay file, and checked again on replay.
 *
 * <p>Contract: {@link #check} is a pure, deterministic function of the view; it must not keep
 * state between runs or change the view, and it runs on any search thread (or executor).
 * It is asked only about runs that violated no invariant. A check that must travel to another JVM
 * (a Spark sweep, a replay in the CLI) is registered by a {@link
 * io.schedsim.prop.plugin.SchedsimPlugin} and found there by name and provider class; one made
 * with {@link #of} runs in this JVM only.
 */
public interface UserCheck {
    /** The violation's id in reports and replay files; unique among registered checks. */
    String name();

    /** Null when the run has the property; otherwise one line saying what went wrong. */
    String check(RunView run);

    /** A check from a function; it runs in this JVM only (a lambda never travels). */
    static UserCheck of(String name, Function<RunView, String> check) {
        return new FunctionCheck(name, check);
    }

    /** A named function as a check. */
    record FunctionCheck(String name, Function<RunView, String> function) implements UserCheck {
        public FunctionCheck {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(function, "function");
        }

        @Override
        public String check(RunView run) {
            return function.apply(run);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
