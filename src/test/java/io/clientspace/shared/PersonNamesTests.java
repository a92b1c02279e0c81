package io.clientspace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name someone types to accept is compared as a person reads it: case, accents, spacing and punctuation aside. */
class PersonNamesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lena Hoffmann      | Lena Hoffmann",
            "lena  hoffmann     | Lena Hoffmann",
            "'  Lena Hoffmann ' | Lena Hoffmann",
            "Jonas Müller       | Jonas Muller",
            "Zoë Ørsted-Nielsen | zoe ørsted nielsen",
            "Anna-Lena, Vogel.  | anna lena vogel",
            "ЛЕНА ИВАНОВА       | Лена Иванова",
            "R2 D2              | r2-d2"})
    void theSameNameWrittenDifferentlyIsTheSame(String typed, String known) {
        assertThat(PersonNames.same(typed, known)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lena               | Lena Hoffmann",
            "Lena Hoffman       | Lena Hoffmann",
            "Hoffmann Lena      | Lena Hoffmann",
            "Room 1             | Room 2",
            "LenaHoffmann       | Lena Hoffmann"})
    void anotherNameIsNot(String typed, String known) {
        assertThat(PersonNames.same(typed, known)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nothingIsNobodysName() {
        assertThat(PersonNames.same(null, "Lena Hoffmann")).isFalse();
        assertThat(PersonNames.same("Lena Hoffmann", null)).isFalse();
        assertThat(PersonNames.same(null, null)).isFalse();
    }
}
