package io.clientspace.shared;

import java.util.OptionalLong;

/**
 * The one question every part of Clientspace asks before it shows or does something that belongs to a
 * {@link FirmModule}: is it switched on for this firm? The workspace shell (tabs and their counters), the side menu,
 * the portal's navigation, the services ({@link ModuleGate}) and the process engine (no new instances of an off
 * module's processes) all ask here. Answers come from a small cache, so asking is cheap. See docs/decisions/DD034.
 */
public interface Modules {

    /** Whether the module is on: the firm's plan includes it, unless an override says otherwise. */
    boolean isOn(FirmModule module);

    /**
     * @throws ModuleOffException when the module is off
     */
    default void requireOn(FirmModule module) {
        if (!isOn(module)) {
            throw new ModuleOffException(module);
        }
    }

    /** The firm's plan's cap on {@code limit}; empty when the plan has none. */
    OptionalLong limit(PlanLimit limit);

    /**
     * Checks that the firm uses no more of {@code limit} than its plan allows; call it after the change, inside its
     * transaction, so that a refusal rolls the change back.
     *
     * @throws PlanLimitException when the count is over the cap
     */
    void requireWithin(PlanLimit limit);

    /** Whether the workspace shows the tab {@code tabId}: not when it belongs to a module that is off. */
    default boolean showsTab(String tabId) {
        return shows(m -> m.tabs().contains(tabId));
    }

    /** Whether the side menu shows the entry titled {@code titleKey}: not when its module is off. */
    default boolean showsMenu(String titleKey) {
        return shows(m -> m.menuTitles().contains(titleKey));
    }

    /** Whether the portal shows the section {@code navigationKey}: not when its module, or the portal, is off. */
    default boolean showsPortalSection(String navigationKey) {
        return isOn(FirmModule.PORTAL) && shows(m -> m.portalSections().contains(navigationKey));
    }

    private boolean shows(java.util.function.Predicate<FirmModule> owns) {
        for (FirmModule m : FirmModule.values()) {
            if (owns.test(m) && !isOn(m)) {
                return false;
            }
        }
        return true;
    }
}
