package io.clientspace.portal.ui;

import java.util.UUID;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.clientspace.portal.PortalComment;
import io.clientspace.portal.PortalService;
import io.clientspace.shared.ui.CommentThread;
import java.time.Clock;
import java.util.List;

/**
 * The project's thread with the customer: what they wrote in the portal, and the team's answers, which reach them
 * there while the project is shared.
 */
class CommentsTab extends WorkspaceTab<List<PortalComment>> {

    /** The Comments tab on a project's workspace. */
    @SpringComponent
    static class Provider implements WorkspaceTabProvider {

        private final PortalService portal;

        Provider(PortalService portal) {
            this.portal = portal;
        }

        @Override
        public String id() {
            return "comments";
        }

        @Override
        public int order() {
            return 65;
        }

        @Override
        public boolean appliesTo(Where where) {
            return where == Where.PROJECT;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new CommentsTab(context, portal);
        }
    }

    private final UUID projectId;
    private final boolean sharedWithClient;
    private final PortalService portal;
    private final Clock clock;

    CommentsTab(TabContext context, PortalService portal) {
        super("comments", "workspace.tab.comments", context.loader());
        this.projectId = context.projectId();
        this.sharedWithClient = context.sharedWithClient();
        this.portal = portal;
        this.clock = context.clock();
    }

    @Override
    protected long count() {
        return portal.countTeamComments(projectId);
    }

    @Override
    protected List<PortalComment> fetch() {
        return portal.teamComments(projectId);
    }

    @Override
    protected boolean isEmpty(List<PortalComment> data) {
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
    protected Component render(List<PortalComment> data) {
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
        box.add(CommentThread.form(this, "comments.placeholder", PortalService.COMMENT_MAX,
                text -> portal.answer(projectId, text), this::reload));
        return box;
    }
}
