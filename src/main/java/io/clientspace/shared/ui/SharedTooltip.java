package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;

/**
 * One tooltip for the whole page, for elements drawn as markup that carry their text in {@code data-tooltip} (see
 * {@link LitTexts#tooltip}). It is Vaadin's own {@code vaadin-tooltip}, so it looks, waits and hides as every other
 * tooltip of the app: it shows on hovering and on keyboard focus, and Escape closes it. The element under the
 * pointer or in focus becomes its target the moment the pointer or the focus arrives, before the tooltip's own
 * listeners on that element are asked.
 * <p>
 * Why one: a tooltip element per button costs the browser the tooltip and its overlay, two shadow trees, for every
 * button in view. The busy client's Deals grid drew 47 of each before its first page showed (issue 19 §5, DD042).
 * The element is the one {@code Component.setTooltipText} uses, which the app's pre-compiled bundle holds (DD019).
 */
public final class SharedTooltip {

    /** Installs the tooltip and its two listeners in the page once; a second call in the same page does nothing. */
    static final String INSTALL = """
            if (!window.__csSharedTooltip) {
              const tip = document.createElement('vaadin-tooltip');
              tip.id = 'shared-tooltip';
              document.body.appendChild(tip);
              window.__csSharedTooltip = tip;
              const point = e => {
                const el = e.composedPath().find(n => n instanceof Element && n.hasAttribute('data-tooltip'));
                if (!el) return;
                // a grid row's button is reused for another row: its text may have changed since last time
                tip.text = el.getAttribute('data-tooltip');
                if (tip.target !== el) tip.target = el;
              };
              document.addEventListener('mouseover', point, true);
              document.addEventListener('focusin', point, true);
            }""";

    private SharedTooltip() {
    }

    /** Makes {@code data-tooltip} work in the UI's page (the staff layout calls this once per page). */
    public static void install(UI ui) {
        ui.getPage().executeJs(INSTALL);
    }
}
