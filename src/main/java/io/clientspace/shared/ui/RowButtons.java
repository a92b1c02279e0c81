package io.clientspace.shared.ui;

import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.Map;

/**
 * A grid row's buttons and icons as the browser's own elements, for a {@link com.vaadin.flow.data.renderer.LitRenderer}
 * template: a {@code <button>} with an inline {@code <svg>}, styled by the theme ({@code .row-button} in
 * {@code styles.css}) from Lumo's own sizes and colours, so it looks as a small {@code vaadin-button} does.
 * <p>
 * Why not {@code vaadin-button} and {@code vaadin-icon}: each is a custom element with a shadow tree and its own
 * styles, and a grid's rows in view hold dozens of them. The busy client's Deals grid drew 80 buttons and 95 icons
 * before its first page showed, 175 of the page's 237 shadow trees, in the one main-thread task that draws the
 * page (issue 19 §5, DD043). A native button needs no upgrade, no shadow tree and no style of its own per element,
 * and it is a button to the keyboard and to a screen reader as it is: Enter and Space press it, Tab reaches it.
 * <p>
 * The icons are Vaadin Icons' own drawings (vaadin/web-components, {@code @vaadin/icons}, Apache License 2.0), 16 by
 * 16, the few a row uses. An icon not listed here is a programming error, caught by the unit tests.
 */
public final class RowButtons {

    /** Each icon's path data, as {@code vaadin-iconset} 24.9 draws it. */
    private static final Map<VaadinIcon, String> PATHS = Map.of(
            VaadinIcon.EDIT, "M16 4c0 0 0-1-1-2s-1.9-1-1.9-1l-1.1 1.1v-2.1h-12v16h12v-8l4-4zM6.3 11.4l-0.6-0.6 0.3-1.1"
                    + " 1.5 1.5-1.2 0.2zM7.2 9.5l-0.6-0.6 5.2-5.2c0.2 0.1 0.4 0.3 0.6 0.5zM14.1 2.5l-0.9 1c-0.2-0.2-0.4"
                    + "-0.3-0.6-0.5l0.9-0.9c0.1 0.1 0.3 0.2 0.6 0.4zM11 15h-10v-14h10v2.1l-5.9 5.9-1.1 4.1 4.1-1.1 2.9"
                    + "-3v6z",
            VaadinIcon.ARROW_RIGHT, "M8.6 3.5l3.5 3.5h-12.1v2h12.1l-3.5 3.5 1.4 1.4 6-5.9-6-5.9z",
            VaadinIcon.ARROW_BACKWARD, "M0 7.9l6-4.9v3c0 0 1.1 0 2 0 8 0 8 8 8 8s-1-4-7.8-4c-1.1 0-1.8 0-2.2 0v2.9"
                    + "l-6-5z",
            VaadinIcon.FILE_TEXT, "M10 0v4h4zM9 0h-7v16h12v-11h-5v-5zM12 12h-8v-1h8v1zM12 10h-8v-1h8v1zM12 7v1h-8v"
                    + "-1h8z",
            VaadinIcon.LOCK, "M12 8v-3.1c0-2.2-1.6-3.9-3.8-3.9h-0.3c-2.1 0-3.9 1.7-3.9 3.9v3.1h-1l0.1 5c0 0-0.1 3 4.9"
                    + " 3s5-3 5-3v-5h-1zM9 14h-1v-2c-0.6 0-1-0.4-1-1s0.4-1 1-1 1 0.4 1 1v3zM10 8h-4v-3.1c0-1.1 0.9-1.9"
                    + " 1.9-1.9h0.3c1 0 1.8 0.8 1.8 1.9v3.1z",
            VaadinIcon.ROTATE_LEFT, "M8 0c-3 0-5.6 1.6-6.9 4.1l-1.1-1.1v4h4l-1.5-1.5c1-2 3.1-3.5 5.5-3.5 3.3 0 6 2.7"
                    + " 6 6s-2.7 6-6 6c-1.8 0-3.4-0.8-4.5-2.1l-1.5 1.3c1.4 1.7 3.6 2.8 6 2.8 4.4 0 8-3.6 8-8s-3.6-8"
                    + "-8-8z",
            VaadinIcon.CHECK, "M7.3 14.2l-7.1-5.2 1.7-2.4 4.8 3.5 6.6-8.5 2.3 1.8z",
            VaadinIcon.HAND, "M13.5 2.4c-0.4-0.4-1-0.5-1.5-0.3 0-0.3-0.1-0.6-0.4-0.9-0.2-0.2-0.6-0.4-1.1-0.4-0.3 0-0.5"
                    + " 0.1-0.7 0.1 0-0.2-0.1-0.3-0.2-0.5-0.5-0.6-1.5-0.6-2 0-0.2 0.2-0.4 0.4-0.4 0.6-0.2 0-0.4-0.1-0.6"
                    + "-0.1-0.5 0-0.8 0.2-1.1 0.5-0.5 0.5-0.5 1.3-0.5 1.3v3.8c-0.3-0.3-0.8-0.8-1.5-0.8-0.2 0-0.5 0.1-0.7"
                    + " 0.2-0.4 0.2-0.6 0.5-0.7 0.9-0.3 1 0.6 2.4 0.6 2.5 0.1 0.1 1.2 2.7 2.2 3.8 1 1.2 2.1 1.9 4.9 1.9"
                    + " 2.9 0 4.2-1.6 4.2-5.1v-5.5c0-0.1 0.1-1.3-0.5-2zM8 2c0-0.3-0.1-1 0.5-1 0.5 0 0.5 0.5 0.5 1v4c0"
                    + " 0.3 0.2 0.5 0.5 0.5s0.5-0.2 0.5-0.5v-3.8c0 0 0-0.4 0.5-0.4 0.6 0 0.5 0.9 0.5 0.9v3.3c0 0.3 0.2"
                    + " 0.5 0.5 0.5s0.5-0.2 0.5-0.5v-2.4c0-0.1 0-0.6 0.5-0.6s0.5 1 0.5 1v5.9c0 3.4-1.3 4.1-3.2 4.1-2.4 0"
                    + "-3.3-0.5-4.1-1.6-0.9-1-2.1-3.6-2.1-3.7-0.3-0.3-0.7-1.2-0.6-1.6 0-0.1 0.1-0.2 0.2-0.3 0.1 0 0.2"
                    + "-0.1 0.2-0.1 0.4 0 0.8 0.5 0.9 0.7l0.6 0.9c0.1 0.2 0.4 0.3 0.6 0.2 0.4 0 0.5-0.2 0.5-0.4v-5.2"
                    + "c0-0.4 0-1 0.5-1 0.4 0 0.5 0.3 0.5 0.8v3.3c0 0.3 0.2 0.5 0.5 0.5s0.5-0.2 0.5-0.5z",
            VaadinIcon.HOURGLASS, "M6.16 4.6c1.114 0.734 1.84 1.979 1.84 3.394 0 0.002 0 0.004 0 0.006v-0c0-0.002 0"
                    + "-0.004 0-0.006 0-1.415 0.726-2.66 1.825-3.384 0.23-0.199 0.426-0.395 0.609-0.602l-4.874-0.007"
                    + "c0.19 0.214 0.386 0.41 0.593 0.594zM11.18 6.060c1.107-0.808 1.819-2.101 1.82-3.56v-0.5h1v-2h-12v2"
                    + "h1v0.5c0.001 1.459 0.713 2.752 1.808 3.551 0.672 0.43 1.121 1.13 1.192 1.939-0.093 0.848-0.551"
                    + " 1.564-1.209 2.003-1.081 0.814-1.772 2.078-1.79 3.503l-0 0.503h-1v2h12v-2h-1v-0.5c-0.018-1.429"
                    + "-0.709-2.692-1.769-3.492-0.68-0.454-1.138-1.169-1.23-1.996 0.071-0.831 0.52-1.532 1.169-1.946z"
                    + "M9 8c0.072 1.142 0.655 2.136 1.519 2.763 0.877 0.623 1.445 1.61 1.481 2.732l0 0.505h-1.77c-0.7"
                    + "-0.87-1.71-2-2.23-2s-1.53 1.13-2.23 2h-1.77v-0.5c0.036-1.127 0.604-2.114 1.459-2.723 0.886-0.642"
                    + " 1.468-1.635 1.54-2.766-0.063-1.124-0.641-2.091-1.498-2.683-0.914-0.633-1.499-1.662-1.502-2.827"
                    + "v-0.5h8v0.5c-0.003 1.166-0.587 2.195-1.479 2.813-0.88 0.607-1.458 1.574-1.521 2.678z");

    private RowButtons() {
    }

    /** The icons this class can draw. */
    static java.util.Set<VaadinIcon> icons() {
        return PATHS.keySet();
    }

    /**
     * An icon as an inline {@code <svg>}, hidden from screen readers (the button or text beside it says what it
     * means).
     *
     * @param cssClass class names for the page's styles, {@code inline-icon} added
     */
    public static String icon(VaadinIcon icon, String cssClass) {
        return svg(icon, cssClass, " aria-hidden=\"true\"");
    }

    /**
     * An icon that stands alone and says something: a screen reader reads {@code labelExpression}, a Lit binding
     * such as {@code item.ownerOnly}, and the page's shared tooltip shows it.
     */
    public static String labelledIcon(VaadinIcon icon, String cssClass, String labelExpression) {
        return svg(icon, cssClass, " role=\"img\" aria-label=\"${" + labelExpression + "}\""
                + LitTexts.tooltipBinding(labelExpression));
    }

    /**
     * A button with an icon and a label, as a small {@code vaadin-button} with a prefix icon draws it.
     *
     * @param cssClass the class the page and its tests know the button by
     * @param function the template's function its click calls ({@code withFunction})
     */
    public static String button(String cssClass, VaadinIcon icon, String label, String function) {
        return "<button type=\"button\" class=\"row-button " + LitTexts.text(cssClass) + "\" @click=\"${"
                + function + "}\">" + icon(icon, null) + "<span>" + LitTexts.text(label) + "</span></button>";
    }

    /**
     * A button that is only an icon, as a small tertiary icon {@code vaadin-button} draws it: the label is its
     * accessible name and its tooltip (the page's shared one, DD042).
     */
    public static String iconButton(String cssClass, VaadinIcon icon, String label, String function) {
        return "<button type=\"button\" class=\"row-button icon-only " + LitTexts.text(cssClass) + "\" aria-label=\""
                + LitTexts.text(label) + "\"" + LitTexts.tooltip(label) + " @click=\"${" + function + "}\">"
                + icon(icon, null) + "</button>";
    }

    private static String svg(VaadinIcon icon, String cssClass, String attributes) {
        String path = PATHS.get(icon);
        if (path == null) {
            throw new IllegalArgumentException("RowButtons has no drawing of " + icon + "; add its path data");
        }
        return "<svg class=\"inline-icon" + (cssClass == null ? "" : " " + LitTexts.text(cssClass))
                + "\" viewBox=\"0 0 16 16\" focusable=\"false\"" + attributes + "><path d=\"" + path
                + "\"></path></svg>";
    }
}
