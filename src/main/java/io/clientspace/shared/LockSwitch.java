package io.clientspace.shared;

/**
 * Test-only: lets a race test take away the gates that serialise concurrent changes (the row locks of proposals,
 * information requests and acceptances, and the per-year number counters), to prove that the race it runs really
 * overlaps: with the gate gone the same test must fail (issue 21, docs/decisions/DD009). The gates are on unless a
 * test drops them.
 *
 * <p>Nothing in production can reach it: no property, bean or endpoint reads or sets it, and {@link #dropForTest}
 * refuses to run unless JUnit is on the class path, which it is only in the test run.
 */
public final class LockSwitch {

    private static volatile boolean dropped;

    private LockSwitch() {
    }

    /** @return true (always, outside a race test's proof) when services must take their locks and gates */
    public static boolean gated() {
        return !dropped;
    }

    /**
     * Drops every gate until the returned handle is closed. For a test's proof that its race is real; never call it
     * elsewhere.
     *
     * @throws IllegalStateException outside a test run
     */
    public static Restore dropForTest() {
        try {
            Class.forName("org.junit.jupiter.api.Test", false, LockSwitch.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The lock switch is for tests only");
        }
        dropped = true;
        return () -> dropped = false;
    }

    /** Puts the gates back. */
    @FunctionalInterface
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
