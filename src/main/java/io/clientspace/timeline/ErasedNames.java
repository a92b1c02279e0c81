package io.clientspace.timeline;

import io.clientspace.shared.PersonalDataErased;
import io.clientspace.timeline.domain.TimelineEntryRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person's data is erased, the timeline keeps its entries (what happened, when, by which colleague) and shows
 * the placeholder instead of the person's name. Runs in the erasing transaction (DD013), so an erasure that rolls back
 * leaves the names as they were.
 */
@Component
class ErasedNames {

    private final TimelineEntryRepository entries;

    ErasedNames(TimelineEntryRepository entries) {
        this.entries = entries;
    }

    @EventListener
    void on(PersonalDataErased e) {
        entries.eraseTitle(e.clientId(), e.subjectId(), e.name(), e.placeholder());
        entries.eraseDetail(e.clientId(), e.name(), e.placeholder());
    }
}
