package io.clientspace.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import io.clientspace.client.ContactPerson;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import io.clientspace.support.CurrentUi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A company's contact people in its header: a few at first, all of them on request, and back. */
@ExtendWith(CurrentUi.class)
class ContactPeopleUnitTests {

    @Test
    void manyContactPeopleShowTheFirstFiveUntilTheUserAsksForAll() {
        ContactPeople people = new ContactPeople(people(7));

        assertThat(names(people)).containsExactly("Person 1", "Person 2", "Person 3", "Person 4", "Person 5");
        Button toggle = toggle(people);
        assertThat(toggle.isVisible()).isTrue();

        toggle.click();
        assertThat(names(people)).hasSize(7).endsWith("Person 6", "Person 7");

        toggle.click();
        assertThat(names(people)).hasSize(5);
    }

    @Test
    void fiveOrFewerShowWholeWithNoButton() {
        ContactPeople people = new ContactPeople(people(5));

        assertThat(names(people)).hasSize(5);
        assertThat(people.getChildren().anyMatch(c -> c instanceof Button)).isFalse();
        assertThat(new ContactPeople(List.of()).isVisible()).as("nobody: nothing shows").isFalse();
    }

    private static List<ContactPerson> people(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new ContactPerson(UUID.randomUUID(), "Person " + i,
                "Role " + i, "p" + i + "@example.com", false, null)).toList();
    }

    private static Button toggle(ContactPeople people) {
        return (Button) people.getChildren().filter(c -> c instanceof Button).findFirst().orElseThrow();
    }

    /** The names on the rows on show, in order. */
    private static List<String> names(ContactPeople people) {
        return people.getChildren().filter(c -> !(c instanceof Button)).flatMap(Component::getChildren)
                .filter(row -> row.getClassNames().contains("contact-person"))
                .map(row -> row.getChildren().findFirst().orElseThrow().getElement().getText()).toList();
    }
}
