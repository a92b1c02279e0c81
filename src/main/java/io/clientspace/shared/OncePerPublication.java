package io.clientspace.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets each event publication reach its {@link ApplicationModuleListener} once, however often it is offered.
 * <p>
 * Spring Modulith 1.4 keeps no "in progress" state: a publication is incomplete from the moment it is stored until
 * its listener has finished. So {@link EventPublicationRetry} cannot tell a publication whose listener failed from
 * one whose first attempt is still waiting in the executor's queue, or still sending: under a burst (10,000 stall
 * mails, or a slow mail server) a retry round resubmits both, and without this the owner got the mail twice.
 * <p>
 * This advice runs inside the listener's own transaction, before the listener:
 * <ol>
 *   <li>it locks the listener's incomplete publications of this event ({@code select … for update}). A second attempt
 *       at the same publication, on any node, waits here until the first one's transaction ends;</li>
 *   <li>if none is incomplete any more, another attempt has done the work: this one returns without running the
 *       listener (and counts {@code clientspace.events.duplicate-attempts});</li>
 *   <li>otherwise the listener runs, and its publications are marked complete in the same transaction as everything
 *       the listener wrote, so a waiting attempt sees them complete the moment their lock is free. Should the
 *       listener fail, the transaction rolls back, the publication stays incomplete and the retry offers it
 *       again.</li>
 * </ol>
 * A publication is found the way Spring Modulith itself completes one: by its listener's id and the serialized
 * event. Two publications of an identical event to the same listener are therefore one, as they are to Spring
 * Modulith. A mail sent just before its transaction failed to commit may still go out twice: at least once, never a
 * second time for a publication that was completed.
 * <p>
 * It must run inside the listener's transaction: {@link ListenerTransactions} orders the transaction advice ahead
 * of this one, and an attempt that finds no transaction fails rather than run unguarded.
 */
public class OncePerPublication extends AbstractPointcutAdvisor {

    /** After the transaction advice ({@link ListenerTransactions#ORDER}), so it runs inside the transaction. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    private static final Logger log = LoggerFactory.getLogger(OncePerPublication.class);

    private final transient Pointcut pointcut = new AnnotationMatchingPointcut(null, ApplicationModuleListener.class,
            true);
    private final transient Interceptor interceptor;

    OncePerPublication(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer,
                       ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        this.interceptor = new Interceptor(jdbc, serializer, meters, clock);
        setOrder(ORDER);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return interceptor;
    }

    private static final class Interceptor implements MethodInterceptor {

        private final ObjectProvider<JdbcTemplate> jdbc;
        private final ObjectProvider<EventSerializer> serializer;
        private final ObjectProvider<MeterRegistry> meters;
        private final ObjectProvider<Clock> clock;
        private final Map<Method, String> listenerIds = new ConcurrentHashMap<>();
        private volatile Counter duplicates;

        Interceptor(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer,
                    ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
            this.jdbc = jdbc;
            this.serializer = serializer;
            this.meters = meters;
            this.clock = clock;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Method method = invocation.getMethod();
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException(method + " runs outside its transaction, so it cannot claim its"
                        + " event publication; the transaction advice must be ordered ahead of OncePerPublication");
            }
            Object event = invocation.getArguments()[0];
            String listenerId = listenerIds.computeIfAbsent(method, OncePerPublication::listenerId);
            String serialized = serializer.getObject().serialize(event).toString();
            JdbcTemplate db = jdbc.getObject();
            List<UUID> claimed = db.queryForList("select id from event_publication where listener_id = ?"
                    + " and serialized_event = ? and completion_date is null order by id for update",
                    UUID.class, listenerId, serialized);
            if (claimed.isEmpty()) {
                duplicates().increment();
                log.debug("{} was offered {} again after another attempt had completed it; not run twice",
                        listenerId, event.getClass().getSimpleName());
                return null;
            }
            Object result = invocation.proceed();
            List<Object> args = new ArrayList<>();
            args.add(Timestamp.from(clock.getObject().instant()));
            args.addAll(claimed);
            db.update("update event_publication set completion_date = ? where id in ("
                    + String.join(",", Collections.nCopies(claimed.size(), "?")) + ")", args.toArray());
            return result;
        }

        private Counter duplicates() {
            Counter counter = duplicates;
            if (counter == null) {
                counter = Counter.builder("clientspace.events.duplicate-attempts")
                        .description("Attempts at an event publication that another attempt had already completed")
                        .register(meters.getObject());
                duplicates = counter;
            }
            return counter;
        }
    }

    /** The id Spring Modulith stores for this listener (as its own completion advice computes it). */
    static String listenerId(Method method) {
        return new TransactionalApplicationListenerMethodAdapter(null, method.getDeclaringClass(), method)
                .getListenerId();
    }
}
