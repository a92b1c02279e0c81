package io.clientspace.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import io.clientspace.client.ContactPerson;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import io.clientspace.support.CurrentUi;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A company's contact people in its header: a few at first, all of them on request, and back. */
@ExtendWith(CurrentUi.class)
class ContactPeopleUnitTests {

    @Test
    void manyContactPeopleShowTheFirstFiveUntilTheUserAsksForAll() {
        List<ContactPerson> seven = people(7);
        AtomicInteger readAgain = new AtomicInteger();
        ContactPeople people = new ContactPeople(seven, () -> {
            readAgain.incrementAndGet();
            return seven;
        }, null);

        assertThat(names(people)).containsExactly("Person 1", "Person 2", "Person 3", "Person 4", "Person 5");
        Button toggle = toggle(people);
        assertThat(toggle.isVisible()).isTrue();
        assertThat(readAgain).as("the rest is read when asked for, not held by the page").hasValue(0);

        toggle.click();
        assertThat(names(people)).hasSize(7).endsWith("Person 6", "Person 7");
        assertThat(readAgain).hasValue(1);

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

    @Test
    void aNameOrRoleWithMarkupShowsAsTextAndTheRowLinksToTheirWorkspace() {
        ContactPeople people = new ContactPeople(List.of(new ContactPerson(UUID.randomUUID(),
                "<img src=x onerror=alert(1)>", "CFO & \"owner\"", "cfo@example.com", false, null)));

        Html row = (Html) people.getChildren().filter(c -> !(c instanceof Button)).flatMap(Component::getChildren)
                .filter(c -> c.getClassNames().contains("contact-person")).findFirst().orElseThrow();
        var drawn = Jsoup.parseBodyFragment(row.getInnerHtml()).body();
        assertThat(drawn.select("img")).as("no element from the data").isEmpty();
        assertThat(drawn.text()).isEqualTo("<img src=x onerror=alert(1)> \u00b7 CFO & \"owner\" \u00b7 cfo@example.com");
        assertThat(drawn.select("a").attr("href")).startsWith("clients/contact/");
    }

    private static List<ContactPerson> people(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new ContactPerson(UUID.randomUUID(), "Person " + i,
                "Role " + i, "p" + i + "@example.com", false, null)).toList();
    }

    private static Button toggle(ContactPeople people) {
        return (Button) people.getChildren().filter(c -> c instanceof Button).findFirst().orElseThrow();
    }

    /** The names on the rows on show, in order: each row's first element, as the browser draws its markup. */
    private static List<String> names(ContactPeople people) {
        return people.getChildren().filter(c -> !(c instanceof Button)).flatMap(Component::getChildren)
                .filter(row -> row.getClassNames().contains("contact-person"))
                .map(row -> Jsoup.parseBodyFragment(((Html) row).getInnerHtml()).body().child(0).text()).toList();
    }
}
