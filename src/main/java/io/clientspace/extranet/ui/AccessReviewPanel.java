package io.clientspace.extranet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.clientspace.extranet.AccessReview;
import io.clientspace.extranet.AccessReviewService;
import io.clientspace.extranet.ReviewDecision;
import io.clientspace.extranet.ReviewOutcome;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client's open access review: each contact it lists with their last sign-in and Keep or Revoke, and one button
 * that answers for all. Whoever may not answer (the owner once it went to a manager, say) sees it read-only, with a
 * line saying whom it is with.
 */
class AccessReviewPanel extends Div {

    private final Map<UUID, RadioButtonGroup<ReviewDecision>> choices = new LinkedHashMap<>();
    private final Span error = new Span();

    AccessReviewPanel(AccessReview review, AccessReviewService reviews, Clock clock, Runnable changed) {
        setId("access-review");
        addClassName("access-review");
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-m)");
        add(new H4(getTranslation("access-review.title")));
        Paragraph with = new Paragraph(review.escalatedToName() == null
                ? getTranslation("access-review.with-owner", when(review.openedAt(), clock), review.reviewerName())
                : getTranslation("access-review.with-manager", when(review.openedAt(), clock), review.reviewerName(),
                        review.escalatedToName(), when(review.escalatedAt(), clock)));
        with.setId("access-review-with");
        add(with);
        for (AccessReview.Item item : review.items()) {
            Div row = new Div();
            row.addClassName("access-review-item");
            row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "center")
                    .set("flex-wrap", "wrap");
            Span name = new Span(item.displayName() + " (" + item.email() + ")");
            name.addClassName("access-review-name");
            name.getStyle().set("min-width", "18em");
            Span seen = new Span(item.lastSignInAt() == null ? getTranslation("external.never")
                    : getTranslation("access-review.last-sign-in", when(item.lastSignInAt(), clock)));
            seen.addClassName("muted");
            row.add(name, seen);
            if (item.revokedMeanwhile()) {
                Span stale = new Span(getTranslation("access-review.revoked-meanwhile"));
                stale.getElement().getThemeList().addAll(List.of("badge", "contrast"));
                stale.addClassName("access-review-stale");
                row.add(stale);
            }
            RadioButtonGroup<ReviewDecision> choice = new RadioButtonGroup<>();
            choice.setItems(ReviewDecision.values());
            choice.setItemLabelGenerator(d -> getTranslation("access-review.decisions." + d.name()));
            choice.addClassName("access-review-choice");
            choice.getElement().setAttribute("data-contact", item.email());
            choice.setReadOnly(!review.canAnswer());
            choices.put(item.accountId(), choice);
            row.add(choice);
            add(row);
        }
        error.setId("access-review-error");
        error.addClassName("error-text");
        error.getStyle().set("display", "block");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(error);
        if (review.canAnswer()) {
            Button submit = new Button(getTranslation("access-review.submit"), VaadinIcon.CHECK.create());
            submit.setId("access-review-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(e -> submit(review, reviews, changed));
            add(submit);
        } else {
            Span readOnly = new Span(getTranslation("access-review.not-yours", review.escalatedToName() == null
                    ? review.reviewerName() : review.escalatedToName()));
            readOnly.setId("access-review-read-only");
            readOnly.addClassName("hint");
            add(readOnly);
        }
    }

    private void submit(AccessReview review, AccessReviewService reviews, Runnable changed) {
        Map<UUID, ReviewDecision> decisions = new LinkedHashMap<>();
        choices.forEach((id, group) -> {
            group.setInvalid(false);
            if (group.getValue() != null) {
                decisions.put(id, group.getValue());
            }
        });
        error.setText("");
        try {
            ReviewOutcome outcome = reviews.answer(review.id(), decisions);
            String text = getTranslation("access-review.done", outcome.kept().size(), outcome.revoked().size());
            if (!outcome.stale().isEmpty()) {
                text += " " + getTranslation("access-review.done-stale", String.join(", ", outcome.stale()));
            }
            Notification.show(text, 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(outcome.stale().isEmpty() ? NotificationVariant.LUMO_SUCCESS
                            : NotificationVariant.LUMO_CONTRAST);
            changed.run();
        } catch (InvalidInputException e) {
            // the typed choices stay; each undecided contact is marked and the first problem is named
            e.problems().forEach(p -> {
                var group = choices.get(contactId(p.field()));
                if (group != null) {
                    group.setInvalid(true);
                    group.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                }
            });
            // a problem with one contact shows at their choice; one with the review as a whole, below
            e.problems().stream().filter(p -> !choices.containsKey(contactId(p.field()))).findFirst().ifPresent(p ->
                    error.setText(getTranslation(p.messageKey(), p.args().toArray())));
        } catch (NoAccessException e) {
            error.setText(getTranslation("access-review.not-yours", e.ownerName() == null ? "" : e.ownerName()));
        }
    }

    /** The contact a problem is about, or null when it is about the review as a whole. */
    private static UUID contactId(String field) {
        try {
            return UUID.fromString(field);
        } catch (IllegalArgumentException notAContact) {
            return null;
        }
    }

    private String when(Instant instant, Clock clock) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(instant.atZone(clock.getZone()));
    }
}
