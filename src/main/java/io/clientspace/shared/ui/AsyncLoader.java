package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Runs a view's query off the request thread, as the signed-in user, and hands the result back to the UI. The view
 * shows its loading state meanwhile, so a slow query never freezes the page.
 * <p>
 * A query asked while the browser waits for an answer (opening a page, a click) that is done within
 * {@link #FIRST_ANSWER_WAIT} of the first such query goes out with that answer: the page arrives with its rows instead
 * of with loading states that the next push replaces (which first waits for the push connection to open). The queries
 * of one answer run side by side and share that time; what takes longer arrives through push as before (issue 19 §5).
 */
@Service
public class AsyncLoader {

    /** How long an answer to the browser may wait, in all, for the queries it started. */
    public static final Duration FIRST_ANSWER_WAIT = Duration.ofMillis(150);

    private static final Logger log = LoggerFactory.getLogger(AsyncLoader.class);
    private final ExecutorService pool = Executors.newFixedThreadPool(6, r -> {
        Thread t = new Thread(r, "ui-loader");
        t.setDaemon(true);
        return t;
    });

    public <T> void load(Component owner, Supplier<T> query, Consumer<T> onResult, Consumer<Throwable> onError) {
        UI ui = owner.getUI().orElse(UI.getCurrent());
        var executor = new DelegatingSecurityContextExecutor(pool, SecurityContextHolder.getContext());
        CompletableFuture<T> future = CompletableFuture.supplyAsync(query, executor);
        Delivery<T> delivery = new Delivery<>(future, onResult, onError);
        if (ui != null && VaadinRequest.getCurrent() != null && ui.getSession() != null
                && ui.getSession().hasLock()) {
            Answer.of(ui).await(delivery);
        }
        future.whenComplete((result, error) -> ui.access(delivery::deliver));
    }

    /** One query's result, handed to the view once: with the answer to the browser, or later through push. */
    private static final class Delivery<T> {

        private final CompletableFuture<T> future;
        private final Consumer<T> onResult;
        private final Consumer<Throwable> onError;
        private final AtomicBoolean delivered = new AtomicBoolean();

        Delivery(CompletableFuture<T> future, Consumer<T> onResult, Consumer<Throwable> onError) {
            this.future = future;
            this.onResult = onResult;
            this.onError = onError;
        }

        /** Runs in the UI's lock once the query is done; a second call does nothing. */
        void deliver() {
            if (!future.isDone() || !delivered.compareAndSet(false, true)) {
                return;
            }
            T result;
            try {
                result = future.join();
            } catch (RuntimeException error) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.debug("Loading failed", cause);
                onError.accept(cause);
                return;
            }
            onResult.accept(result);
        }

        /** Waits for the query until {@code deadlineNanos}; whether it is done. */
        boolean awaitUntil(long deadlineNanos) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                try {
                    future.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // not done in time, or failed: deliver() tells which
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return future.isDone();
        }
    }

    /**
     * The queries one answer to the browser waits for: just before the answer is written, it waits for them (at most
     * {@link #FIRST_ANSWER_WAIT} from the first) and hands over those done; results may start more queries, which
     * join the same wait.
     */
    private static final class Answer {

        private final UI ui;
        private final List<Delivery<?>> waiting = new ArrayList<>();
        private final long deadlineNanos = System.nanoTime() + FIRST_ANSWER_WAIT.toNanos();

        private Answer(UI ui) {
            this.ui = ui;
        }

        static Answer of(UI ui) {
            Answer answer = ComponentUtil.getData(ui, Answer.class);
            if (answer == null) {
                answer = new Answer(ui);
                ComponentUtil.setData(ui, Answer.class, answer);
                Answer registered = answer;
                ui.beforeClientResponse(ui, context -> registered.flush());
            }
            return answer;
        }

        void await(Delivery<?> delivery) {
            waiting.add(delivery);
        }

        private void flush() {
            ComponentUtil.setData(ui, Answer.class, null);
            long started = System.nanoTime();
            int asked = 0;
            int handed = 0;
            // a result drawn here may ask for more (a tab's rows, then its counter): those join this answer's wait
            while (!waiting.isEmpty()) {
                List<Delivery<?>> now = List.copyOf(waiting);
                waiting.clear();
                ComponentUtil.setData(ui, Answer.class, this);
                asked += now.size();
                for (Delivery<?> delivery : now) {
                    if (delivery.awaitUntil(deadlineNanos)) {
                        handed++;
                        try {
                            delivery.deliver();
                        } catch (RuntimeException e) {
                            // as a failure in a push's access would be: the session's error handler shows it
                            ui.getSession().getErrorHandler().error(new ErrorEvent(e));
                        }
                    }
                }
                ComponentUtil.setData(ui, Answer.class, null);
            }
            if (log.isDebugEnabled()) {
                log.debug("An answer waited for and drew {} queries in {} ms: {} went with it, {} come by push",
                        asked, (System.nanoTime() - started) / 1_000_000, handed, asked - handed);
            }
        }
    }
}
