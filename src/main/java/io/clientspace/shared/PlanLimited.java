package io.clientspace.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a public service method that may use more of a {@link PlanLimit}: after the method ran, inside its transaction,
 * {@link Modules#requireWithin} checks the count, and a refusal rolls the whole change back. Checking after the change
 * counts exactly what it did (a resent invitation takes no new seat). See docs/decisions/DD034.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PlanLimited {

    PlanLimit value();
}
