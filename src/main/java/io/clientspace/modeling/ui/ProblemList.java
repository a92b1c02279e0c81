package io.clientspace.modeling.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.clientspace.modeling.Problem;
import java.util.List;

/** The gate's problems in the user's language, each with the element's name and id, so it can be found. */
class ProblemList extends Div {

    ProblemList(String id) {
        setId(id);
        addClassName("model-problems");
        setVisible(false);
    }

    void show(List<Problem> problems) {
        removeAll();
        setVisible(!problems.isEmpty());
        if (problems.isEmpty()) {
            return;
        }
        Paragraph title = new Paragraph(getTranslation("modeling.problems.title", problems.size()));
        title.addClassName("model-problems-title");
        title.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        UnorderedList list = new UnorderedList();
        for (Problem p : problems) {
            ListItem item = new ListItem();
            item.addClassName("model-problem");
            if (p.elementId() != null) {
                Span where = new Span(p.elementName() == null ? p.elementId()
                        : getTranslation("modeling.problems.element", p.elementName(), p.elementId()));
                where.addClassName("model-problem-element");
                where.getStyle().set("font-weight", "600");
                item.add(where, new Span(" "));
            }
            item.add(new Span(getTranslation(p.key(), p.argsIn(getLocale()))));
            list.add(item);
        }
        add(title, list);
    }

    void message(String text) {
        removeAll();
        setVisible(true);
        add(new Paragraph(text));
    }

    void clear() {
        removeAll();
        setVisible(false);
    }
}
