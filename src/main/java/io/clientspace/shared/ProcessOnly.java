package io.clientspace.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public service method that acts for the system, not for a signed-in user: a process step, a scheduled
 * job, another module's event listener, or the demo data. It checks no permission, so no view may call it; an
 * architecture test holds both rules (a public service method with an id either checks the current user or carries
 * this marker, and no class in a {@code ui} package calls a marked method).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProcessOnly {

    /** Who calls it, in a few words: "the deal-stages model", "the demo data". */
    String value();
}
