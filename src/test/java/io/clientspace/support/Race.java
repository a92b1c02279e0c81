package io.clientspace.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.LockSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Races for tests that claim "two at once give one": every party waits on one {@link CyclicBarrier} until all are
 * there, so none starts its call before the others are ready to start theirs; a test repeats its race for
 * {@link #ROUNDS} rounds on fresh data and checks exactly one outcome in each. {@link #brokenWithoutGates} is the
 * proof that a race is real: with {@link LockSwitch} dropping the locks, the same round must break.
 */
public final class Race {

    /** Rounds per race test: enough to overlap many times, each cheap enough to keep the build short. */
    public static final int ROUNDS = 20;

    private Race() {
    }

    /** What one party ended with: its return value, or what it threw (then value is null). */
    public record Result(Object value, Throwable error) {

        public boolean failed() {
            return error != null;
        }

        @Override
        public String toString() {
            return failed() ? "threw " + error : "returned " + value;
        }
    }

    /** One round of a race test; it throws (an assertion error, say) when the round did not end in one outcome. */
    @FunctionalInterface
    public interface Round {
        void run(int round) throws Exception;
    }

    /**
     * Starts every party on its own thread, lets them through one barrier together and waits for all to finish.
     *
     * @return each party's result, in the order given
     */
    public static List<Result> atOnce(List<? extends Callable<?>> parties) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parties.size());
        try {
            CyclicBarrier start = new CyclicBarrier(parties.size());
            List<Future<Result>> futures = new ArrayList<>();
            for (Callable<?> party : parties) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return new Result(party.call(), null);
                    } catch (Exception | AssertionError e) {
                        return new Result(null, e);
                    }
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get(90, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @SafeVarargs
    public static List<Result> atOnce(Callable<?>... parties) throws Exception {
        return atOnce(List.of(parties));
    }

    /** Runs the round {@link #ROUNDS} times; the first round that fails fails the test, naming its number. */
    public static void repeat(Round round) throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            try {
                round.run(i);
            } catch (AssertionError e) {
                throw new AssertionError("Round " + (i + 1) + " of " + ROUNDS + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The proof that a race is real: runs the round with every gate dropped (see {@link LockSwitch}) until one round
     * breaks, at most {@link #ROUNDS} times.
     *
     * @return the number of the first round that broke (1-based), or 0 when none did, which means the race test
     *         cannot tell a gate from none
     */
    public static int brokenWithoutGates(Round round) {
        try (LockSwitch.Restore gates = LockSwitch.dropForTest()) {
            for (int i = 0; i < ROUNDS; i++) {
                try {
                    round.run(i);
                } catch (Exception | AssertionError e) {
                    System.out.println("Without the gates, round " + (i + 1) + " broke: " + e);
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /**
     * How a timer's job that lost to the customer's answer ends: the engine found its job deleted, or the execution
     * changed under it (the engine's optimistic lock), or, when the job was read just before the answer committed and
     * its execution tree just after, the engine found the process instance gone while it loaded that tree (Camunda 7
     * throws a NullPointerException from {@code ExecutionEntity.ensureExecutionTreeInitialized} then; seen once in 20
     * rounds of a full build). In each the job changed nothing; the callers check the outcome. Anything else, a
     * database error or a stale row of ours, is a bug the race found.
     */
    public static void assertTimerLostInTheEngine(Throwable error) {
        if (error instanceof NullPointerException && vanishedExecutionTree(error)) {
            return;
        }
        assertThat(error).as("what the timer's job threw").isInstanceOf(ProcessEngineException.class);
        if (!(error instanceof OptimisticLockingException)) {
            assertThat(error.getMessage()).as("the engine's own words").containsIgnoringCase("No job found");
        }
    }

    /** Whether the engine threw while it loaded an execution tree whose process instance was no longer there. */
    private static boolean vanishedExecutionTree(Throwable error) {
        StackTraceElement[] stack = error.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().endsWith(".ExecutionEntity")
                && stack[0].getMethodName().equals("ensureExecutionTreeInitialized")
                && String.valueOf(error.getMessage()).contains("\"processInstance\" is null");
    }
}
