package io.clientspace.conversation;

/** Where conversations are in the UI. */
public final class ConversationNavigation {

    /** The Comments tab's id on the project workspace ({@code ?tab=comments}). */
    public static final String COMMENTS_TAB = "comments";
    /** The Chat tab's id on the client and project workspaces ({@code ?tab=chat}). */
    public static final String CHAT_TAB = "chat";
    /** The Mail tab's id on the client and project workspaces ({@code ?tab=mail}). */
    public static final String MAIL_TAB = "mail";
    /** The admins' page of mail no workspace took. */
    public static final String UNMATCHED_MAIL = "mail/unmatched";
    /** The staff page of the channels they follow with unread messages. */
    public static final String CHATS = "chats";
    /** The staff page of unseen @mentions. */
    public static final String MENTIONS = "mentions";
    /** The portal's Messages page. */
    public static final String PORTAL_MESSAGES = "portal/messages";

    private ConversationNavigation() {
    }
}
