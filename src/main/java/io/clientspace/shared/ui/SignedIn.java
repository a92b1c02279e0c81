package io.clientspace.shared.ui;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Calls a view makes later on whatever thread Vaadin runs them (a grid fetching its next page while a push is
 * written, say), made as the user who was signed in when the view made this: the services check that user, never
 * whoever the thread served last.
 */
public final class SignedIn {

    private final SecurityContext context;

    private SignedIn(SecurityContext context) {
        this.context = context;
    }

    /** The user signed in on the current thread now. */
    public static SignedIn now() {
        return new SignedIn(SecurityContextHolder.getContext());
    }

    public <T> T call(Supplier<T> call) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            if (before.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(before);
            }
        }
    }
}
