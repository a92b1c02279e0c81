package io.clientspace.conversation;

/** Where conversations are in the UI. */
public final class ConversationNavigation {

    /** The Comments tab's id on the project workspace ({@code ?tab=comments}). */
    public static final String COMMENTS_TAB = "comments";

    private ConversationNavigation() {
    }
}
