package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.clientspace.portal.PortalComment;
import io.clientspace.portal.PortalService;
import io.clientspace.project.ClientProject;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.CommentThread;
import java.time.Clock;
import java.util.List;

/**
 * The project's thread with the customer: what they wrote in the portal, and the team's answers, which reach them
 * there while the project is shared.
 */
class CommentsTab extends WorkspaceTab<List<PortalComment>> {

    private final ClientProject project;
    private final PortalService portal;
    private final Clock clock;

    CommentsTab(ClientProject project, PortalService portal, AsyncLoader loader, Clock clock) {
        super("comments", "workspace.tab.comments", loader);
        this.project = project;
        this.portal = portal;
        this.clock = clock;
    }

    @Override
    protected long count() {
        return portal.countTeamComments(project.id());
    }

    @Override
    protected List<PortalComment> fetch() {
        return portal.teamComments(project.id());
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
        if (!project.sharedWithClient()) {
            Paragraph note = new Paragraph(getTranslation("comments.not-shared"));
            note.addClassName("muted");
            box.add(note);
        }
        box.add(CommentThread.list(this, data.stream().map(c -> new CommentThread.Item(c.authorName(),
                c.fromCustomer(), c.body(), c.createdAt())).toList(), clock.getZone()));
        box.add(CommentThread.form(this, "comments.placeholder", PortalService.COMMENT_MAX,
                text -> portal.answer(project.id(), text), this::reload));
        return box;
    }
}
