package io.clientspace.task.ui;

import io.clientspace.shared.i18n.Translations;
import java.util.Locale;

/**
 * The name of a process step as "My tasks" shows it: its translation, or, for a step a process owner added to a model
 * after this release (a new deal stage, say), its task id made readable ("StageLegalReview" reads "Legal review").
 */
final class StepNames {

    private StepNames() {
    }

    static String of(String processStep, Locale locale) {
        return Translations.find("tasks.steps." + processStep, locale).orElseGet(() -> readable(processStep));
    }

    static String readable(String id) {
        String words = id.replaceFirst("^Stage(?=[A-Z])", "").replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ")
                .replace('_', ' ').trim().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
