package io.clientspace.shared.ui.tabs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.shared.ui.LitTexts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Small pieces tabs and headers share: the toolbar, dates as the user's language writes them, facts, and the first-page note. */
public final class TabParts {

    private TabParts() {
    }

    /** The bar above a tab's list: its actions in a row across the tab, centred on one line. */
    public static HorizontalLayout toolbar(Component... actions) {
        HorizontalLayout toolbar = new HorizontalLayout(actions);
        toolbar.addClassName("tab-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWidthFull();
        return toolbar;
    }

    /** A date, or the date of an instant in the app's time zone, as the user's language writes it; "" for null. */
    public static String date(Locale locale, ZoneId zone, TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        var formatter = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return value instanceof Instant i ? formatter.format(i.atZone(zone)) : formatter.format(value);
    }

    /**
     * One labelled fact in a workspace header or a details dialog: an icon, a label and a value that does something
     * (a button beside it). A fact that only shows text or a link is {@link #fact(Div, VaadinIcon, String, String)}.
     */
    public static void fact(Div facts, VaadinIcon icon, String label, Component value) {
        var i = icon.create();
        i.addClassName("fact-icon");
        Span l = new Span(label);
        l.addClassName("fact-label");
        Div fact = new Div(i, l, value);
        fact.addClassName("fact");
        facts.add(fact);
    }

    /**
     * One labelled fact whose value is text: one element of markup, where an icon, a label and a value with their
     * texts were six server-side nodes (issue 19 §6: a busy workspace's header held 122).
     */
    public static void fact(Div facts, VaadinIcon icon, String label, String value) {
        factMarkup(facts, icon, label, "<span>" + LitTexts.text(value == null ? "" : value) + "</span>");
    }

    /** The same with a link for its value; see {@link LitTexts#link} for the addresses it draws as a link. */
    public static void factLink(Div facts, VaadinIcon icon, String label, String href, String text,
                                boolean newWindow) {
        factMarkup(facts, icon, label, LitTexts.link(href, text, newWindow));
    }

    private static void factMarkup(Div facts, VaadinIcon icon, String label, String valueMarkup) {
        facts.add(new Html("<div class=\"fact\">" + LitTexts.icon(icon, "fact-icon") + "<span class=\"fact-label\">"
                + LitTexts.text(label) + "</span>" + valueMarkup + "</div>"));
    }

    /**
     * Adds "Showing the first n" under a list that a service cut at its limit (the tab's counter stays exact); adds
     * nothing to a shorter list.
     */
    public static void limitNote(Div box, int rows, int limit) {
        if (rows >= limit) {
            Span note = new Span(box.getTranslation("workspace.limited", limit));
            note.addClassName("muted");
            note.addClassName("list-limited");
            box.add(note);
        }
    }
}
