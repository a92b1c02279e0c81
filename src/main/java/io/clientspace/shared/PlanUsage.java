package io.clientspace.shared;

/**
 * How much of a {@link PlanLimit} the firm uses now: a bean in the module that owns what is counted, so that the module
 * that stores the plans reads no other module's tables.
 */
public interface PlanUsage {

    PlanLimit limit();

    /** The current count, firm-wide, regardless of who asks. */
    long used();
}
