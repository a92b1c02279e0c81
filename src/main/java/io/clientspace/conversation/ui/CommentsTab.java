package io.clientspace.conversation.ui;

import io.clientspace.conversation.ConversationNavigation;
import java.util.UUID;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.clientspace.conversation.ProjectComment;
import io.clientspace.conversation.ProjectConversationService;
import io.clientspace.shared.ui.CommentThread;
import java.time.Clock;
import java.util.List;

/**
 * The project's thread with the customer: what they wrote in the portal, and the team's answers, which reach them
 * there while the project is shared.
 */
class CommentsTab extends WorkspaceTab<List<ProjectComment>> {

    /** The Comments tab on a project's workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ProjectConversationService conversation;

        Provider(ProjectConversationService conversation) {
            super(ConversationNavigation.COMMENTS_TAB, 65, Where.PROJECT);
            this.conversation = conversation;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new CommentsTab(context, conversation);
        }
    }

    private final UUID projectId;
    private final boolean sharedWithClient;
    private final ProjectConversationService conversation;
    private final Clock clock;

    CommentsTab(TabContext context, ProjectConversationService conversation) {
        super(ConversationNavigation.COMMENTS_TAB, "workspace.tab.comments", context.loader());
        this.projectId = context.projectId();
        this.sharedWithClient = context.sharedWithClient();
        this.conversation = conversation;
        this.clock = context.clock();
    }

    @Override
    protected long count() {
        return conversation.count(projectId);
    }

    @Override
    protected List<ProjectComment> fetch() {
        return conversation.thread(projectId);
    }

    @Override
    protected boolean isEmpty(List<ProjectComment> data) {
        // the form shows either way: the team may start the thread
        return false;
    }

    @Override
    protected String loadingKey() {
        return "comments.loading";
    }

    @Override
    protected Component emptyState() {
        return render(List.of());
    }

    @Override
    protected Component render(List<ProjectComment> data) {
        Div box = new Div();
        box.addClassNames("tab-body", "comment-thread");
        box.setId("team-comments");
        if (!sharedWithClient) {
            Paragraph note = new Paragraph(getTranslation("comments.not-shared"));
            note.addClassName("muted");
            box.add(note);
        }
        box.add(CommentThread.list(this, data.stream().map(c -> new CommentThread.Item(c.authorName(),
                c.fromCustomer(), c.body(), c.createdAt())).toList(), clock.getZone()));
        box.add(CommentThread.form(this, "comments.placeholder", ProjectConversationService.COMMENT_MAX,
                text -> conversation.answer(projectId, text), this::reload));
        return box;
    }
}
