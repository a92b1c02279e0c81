package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Runs a view's query off the request thread, as the signed-in user, and hands the result back to the UI through
 * push. The view shows its loading state meanwhile, so a slow query never freezes the page.
 */
@Service
public class AsyncLoader {

    private static final Logger log = LoggerFactory.getLogger(AsyncLoader.class);
    private final ExecutorService pool = Executors.newFixedThreadPool(6, r -> {
        Thread t = new Thread(r, "ui-loader");
        t.setDaemon(true);
        return t;
    });

    public <T> void load(Component owner, Supplier<T> query, Consumer<T> onResult, Consumer<Throwable> onError) {
        UI ui = owner.getUI().orElse(UI.getCurrent());
        var executor = new DelegatingSecurityContextExecutor(pool, SecurityContextHolder.getContext());
        CompletableFuture.supplyAsync(query, executor).whenComplete((result, error) -> ui.access(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.debug("Loading failed", cause);
                onError.accept(cause);
            } else {
                onResult.accept(result);
            }
        }));
    }
}
