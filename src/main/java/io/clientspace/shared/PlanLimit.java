package io.clientspace.shared;

/** A number a plan may cap (DD034). Each is counted by the module that owns what it counts ({@link PlanUsage}). */
public enum PlanLimit {

    /** Portal contacts that hold a seat: invited or active. */
    PORTAL_CONTACTS;

    /** The translation key of its name, e.g. {@code plan.limit.PORTAL_CONTACTS}. */
    public String nameKey() {
        return "plan.limit." + name();
    }
}
