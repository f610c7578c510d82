package io.schedsim.monitor;

import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Verdicts;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the guards (by their index in {@link Guards}' fixed order) judge each event type,
 * and which have step obligations or deadlines. It depends only on the guards' classes, so it is
 * worked out once, from a throwaway set of guards, and shared by every monitor: a monitor built
 * per run does no table work. A guard is called before (or after) an event only if it overrides
 * that method: the defaults do nothing. Guard indices fit a {@code long} mask.
 */
final class GuardLayout {
    static final GuardLayout OF_GUARDS = new GuardLayout(Guards.all(new State(new Verdicts())));

    /** By event type ordinal: the indices of the guards that judge it, in order. */
    final int[][] byType;
    /** By event type ordinal: those of {@link #byType} with a {@code before}, in order. */
    final int[][] beforeByType;
    /** By event type ordinal: those of {@link #byType} with an {@code after}, in order. */
    final int[][] afterByType;
    /** By event type ordinal: the mask of those among them that judge steps. */
    final long[] stepMaskByType;
    /** By event type ordinal: the mask of those among them that judge deadlines. */
    final long[] deadlineMaskByType;
    final long stepMask;
    final long deadlineMask;
    final int[] deadlineGuards;

    private GuardLayout(Guard[] guards) {
        if (guards.length > Long.SIZE) {
            throw new IllegalStateException("more guards than a mask holds: " + guards.length);
        }
        EventType[] types = EventType.values();
        byType = new int[types.length][];
        beforeByType = new int[types.length][];
        afterByType = new int[types.length][];
        stepMaskByType = new long[types.length];
        deadlineMaskByType = new long[types.length];
        for (EventType type : types) {
            List<Integer> concerned = new ArrayList<>();
            List<Integer> before = new ArrayList<>();
            List<Integer> after = new ArrayList<>();
            for (int g = 0; g < guards.length; g++) {
                if (guards[g].events().contains(type)) {
                    concerned.add(g);
                    if (overrides(guards[g], "before", HistoryEvent.class)) {
                        before.add(g);
                    }
                    if (overrides(guards[g], "after", HistoryEvent.class)) {
                        after.add(g);
                    }
                    if (guards[g].judgesSteps()) {
                        stepMaskByType[type.ordinal()] |= 1L << g;
                    }
                    if (guards[g].judgesDeadlines() && guards[g].deadlineEvents().contains(type)) {
                        deadlineMaskByType[type.ordinal()] |= 1L << g;
                    }
                }
            }
            byType[type.ordinal()] = ints(concerned);
            beforeByType[type.ordinal()] = ints(before);
            afterByType[type.ordinal()] = ints(after);
        }
        long steps = 0;
        long deadlineBits = 0;
        List<Integer> deadlines = new ArrayList<>();
        for (int g = 0; g < guards.length; g++) {
            steps |= guards[g].judgesSteps() ? 1L << g : 0;
            if (guards[g].judgesDeadlines()) {
                // The monitor skips a deadline guard until its clock passes the guard's answer:
                // the default answer, never, would silence the guard's deadlines for good.
                if (!overrides(guards[g], "nextDeadlineNanos")) {
                    throw new IllegalStateException(guards[g].getClass().getSimpleName()
                            + " judges deadlines but does not say when its next one is");
                }
                deadlines.add(g);
                deadlineBits |= 1L << g;
            }
        }
        stepMask = steps;
        deadlineMask = deadlineBits;
        deadlineGuards = ints(deadlines);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** True if the guard's class implements the method itself, not {@link Guard}'s default. */
    private static boolean overrides(Guard guard, String name, Class<?>... parameters) {
        try {
            return guard.getClass().getMethod(name, parameters).getDeclaringClass()
                    != Guard.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
