package io.clientspace.inforequest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.DatePickers;
import io.clientspace.shared.ui.FormErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A draft information request: its title and items, each a question or a file with an optional due date. Saving keeps
 * it a draft; it goes to the customer only when it is sent. What the user typed stays until it is saved.
 */
class RequestFormDialog extends Dialog {

    /** One item's fields. */
    final class Row extends Div {
        final Select<ItemKind> kind = new Select<>();
        final TextField prompt = new TextField();
        final DatePicker due = DatePickers.localized(new DatePicker(), RequestFormDialog.this.getLocale());

        Row(RequestItemDraft item) {
            addClassName("request-item-row");
            kind.setItems(ItemKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("inforequest.kinds." + k.name()));
            kind.setValue(item.kind());
            kind.addClassName("request-item-kind");
            kind.setWidth("9rem");
            prompt.setValue(item.prompt() == null ? "" : item.prompt());
            prompt.setPlaceholder(getTranslation(item.kind() == ItemKind.FILE ? "request.item.file-placeholder"
                    : "request.item.question-placeholder"));
            prompt.setMaxLength(InformationRequestService.PROMPT_MAX);
            prompt.addClassName("request-item-prompt");
            prompt.setWidth("min(26rem, 60vw)");
            due.setValue(item.due());
            due.setPlaceholder(getTranslation("request.item.due"));
            due.addClassName("request-item-due");
            due.setWidth("10rem");
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(this);
                items.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("request.item.remove"));
            remove.addClassName("request-item-remove");
            add(kind, prompt, due, remove);
            getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                    .set("flex-wrap", "wrap");
        }

        RequestItemDraft draft() {
            return new RequestItemDraft(kind.getValue(), prompt.getValue(), due.getValue());
        }
    }

    private final InformationRequestService requests;
    private final UUID projectId;
    private final String projectName;
    private final InformationRequest existing;
    private final Consumer<InformationRequest> onSaved;
    private final FormErrors errors = new FormErrors(this);
    final TextField title = new TextField();
    final List<Row> rows = new ArrayList<>();
    private final Div items = new Div();
    private final Paragraph itemsError = new Paragraph();

    static RequestFormDialog create(UUID projectId, String projectName, InformationRequestService requests,
                                    Consumer<InformationRequest> onSaved) {
        return new RequestFormDialog(projectId, projectName, null, requests, onSaved);
    }

    static RequestFormDialog edit(InformationRequest existing, InformationRequestService requests,
                                  Consumer<InformationRequest> onSaved) {
        return new RequestFormDialog(null, null, existing, requests, onSaved);
    }

    private RequestFormDialog(UUID projectId, String projectName, InformationRequest existing, InformationRequestService requests,
                              Consumer<InformationRequest> onSaved) {
        this.projectId = projectId;
        this.projectName = projectName;
        this.existing = existing;
        this.requests = requests;
        this.onSaved = onSaved;
        setId("request-form");
        setHeaderTitle(existing == null ? getTranslation("requests.new-for", projectName)
                : getTranslation("requests.edit", existing.number()));
        setWidth("min(52rem, 96vw)");
        setCloseOnOutsideClick(false);
        title.setLabel(getTranslation("request.title"));
        title.setId("request-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(InformationRequestService.TITLE_MAX);
        title.setWidthFull();
        errors.field("title", title);
        items.setId("request-items");
        itemsError.addClassName("form-error");
        itemsError.setId("request-items-error");
        itemsError.setVisible(false);
        Button addQuestion = new Button(getTranslation("request.add-question"), VaadinIcon.QUESTION.create(),
                e -> add(new RequestItemDraft(ItemKind.QUESTION, "", null)));
        addQuestion.setId("request-add-question");
        Button addFile = new Button(getTranslation("request.add-file"), VaadinIcon.UPLOAD.create(),
                e -> add(new RequestItemDraft(ItemKind.FILE, "", null)));
        addFile.setId("request-add-file");
        Div adders = new Div(addQuestion, addFile);
        adders.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
        add(title, items, itemsError, adders);

        if (existing == null) {
            add(new RequestItemDraft(ItemKind.QUESTION, "", null));
        } else {
            title.setValue(existing.title());
            existing.items().forEach(i -> add(new RequestItemDraft(i.kind(), i.prompt(), i.due())));
        }
        Button save = new Button(getTranslation("request.save-draft"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("request-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    void add(RequestItemDraft item) {
        Row row = new Row(item);
        rows.add(row);
        items.add(row);
    }

    RequestDraft draft() {
        return new RequestDraft(title.getValue(), rows.stream().map(Row::draft).toList());
    }

    void save() {
        List<FieldProblem> problems = InformationRequestService.check(draft());
        if (!problems.isEmpty()) {
            show(problems);
            return;
        }
        try {
            InformationRequest saved = existing == null ? requests.createDraft(projectId, draft())
                    : requests.updateDraft(existing.id(), draft(), existing.version());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            show(e.problems());
        } catch (StaleDataException e) {
            show(List.of(FieldProblem.of("items", "request.error.stale")));
        }
    }

    private void show(List<FieldProblem> problems) {
        rows.forEach(r -> r.prompt.setInvalid(false));
        List<FieldProblem> rest = new ArrayList<>();
        for (FieldProblem p : errors.show(problems)) {
            if (p.field().startsWith("item-")) {
                int index = Integer.parseInt(p.field().substring(5));
                if (index < rows.size()) {
                    rows.get(index).prompt.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                    rows.get(index).prompt.setInvalid(true);
                    continue;
                }
            }
            rest.add(p);
        }
        itemsError.setVisible(!rest.isEmpty());
        itemsError.setText(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .collect(Collectors.joining(" ")));
    }
}
