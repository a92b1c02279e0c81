package io.clientspace.devservices;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The app's clock in the tests: the real one, unless a test pins it to an instant so that it can assert the exact time
 * the app records (evidence, decisions). The engine's timers keep their own clock and are not affected.
 */
public final class TestClock extends Clock {

    private static volatile Instant pinned;

    private final Clock real;

    TestClock(Clock real) {
        this.real = real;
    }

    /** Every instant the app reads is {@code at} until the handle is closed. */
    public static Unpin pin(Instant at) {
        pinned = at;
        return () -> pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : real.instant();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(real.withZone(zone));
    }

    /** Lets the clock run again. */
    @FunctionalInterface
    public interface Unpin extends AutoCloseable {
        @Override
        void close();
    }

    /** Wraps the app's clock bean. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Clock clock && "clock".equals(beanName) ? new TestClock(clock) : bean;
            }
        };
    }
}
