package io.clientspace.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a public service method: the call is refused with {@link ModuleOffException} while {@link #value} is off, before
 * anything runs. Put it on the entry points people and customers use, not on those a running process calls back
 * (running instances continue when their module is switched off). See docs/decisions/DD034.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ModuleGate {

    FirmModule value();
}
