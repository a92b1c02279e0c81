package io.clientspace.conversation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The side menu's badge for "Chats": the count stops at the cap, and then says it stopped. */
class UnreadChatsViewTests {

    @Test
    void aCountThatReachedTheCapReadsNinetyNinePlus() {
        UnreadChatsView.Counter counter = new UnreadChatsView.Counter(null);
        assertThat(counter.menuTitle()).isEqualTo("nav.chats");
        assertThat(counter.label(1)).isEqualTo("1");
        assertThat(counter.label(99)).isEqualTo("99");
        assertThat(counter.label(100)).isEqualTo("99+");
    }
}
