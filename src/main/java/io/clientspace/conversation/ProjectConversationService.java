package io.clientspace.conversation;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.PortalSection;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.RateLimits;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's thread between the customer and the team, which is the project's client chat channel (see
 * {@link ChatService}). The team reads and answers it on the project's Comments tab (whoever may open the project);
 * the customer reads and writes it in the portal while the project is shared. Every message is on the project's
 * timeline, and the other side hears of it by e-mail.
 */
@Service
public class ProjectConversationService {

    /** The longest comment, in characters: a chat message's. */
    public static final int COMMENT_MAX = ChatService.MESSAGE_MAX;

    private final ProjectService projects;
    private final PortalAccessPolicy portalAccess;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final RateLimits rateLimits;
    private final ChatService chat;

    ProjectConversationService(ProjectService projects, PortalAccessPolicy portalAccess,
                               CurrentUserProvider currentUser, StaffDirectory staff, RateLimits rateLimits,
                               ChatService chat) {
        this.projects = projects;
        this.portalAccess = portalAccess;
        this.currentUser = currentUser;
        this.staff = staff;
        this.rateLimits = rateLimits;
        this.chat = chat;
    }

    // ----------------------------------------------------------------------------------------------- the team

    /**
     * The thread of a project the current staff member may open, oldest first; shared or not. Deleted messages are
     * left out.
     *
     * @throws NoAccessException when the user may not open the project
     * @throws NotFoundException when there is no such project
     */
    @Transactional(readOnly = true)
    public List<ProjectComment> thread(UUID projectId) {
        ClientProject p = projects.get(projectId);
        return comments(p.id());
    }

    /** How many messages the project's thread has; the same permission as {@link #thread}. */
    @Transactional(readOnly = true)
    public long count(UUID projectId) {
        ClientProject p = projects.get(projectId);
        return chat.existingProjectClientChannel(p.id()).map(chat::countShown).orElse(0L);
    }

    /**
     * The team answers in a project's thread; whoever may open the project may. The customer is told by e-mail while
     * the project is shared.
     *
     * @throws InvalidInputException when the text is empty or longer than {@link #COMMENT_MAX}; nothing is saved
     */
    @Transactional
    public ProjectComment answer(UUID projectId, String text) {
        CurrentUser user = currentUser.requireStaff();
        ClientProject p = projects.get(projectId);
        projects.requireWork(io.clientspace.shared.WorkScope.project(p.clientId(), p.id()));
        InvalidInputException.throwIfAny(checkComment(text));
        return toComment(chat.write(p.clientId(), p.id(), p.name(), false, user.username(),
                staff.displayName(user.username()), text));
    }

    // ----------------------------------------------------------------------------------------------- the customer

    /**
     * The thread of a shared project, oldest first, as the customer sees it.
     *
     * @throws NotFoundException when the project is not the scope's client's or not shared
     */
    @Transactional(readOnly = true)
    public List<ProjectComment> customerThread(CustomerScope scope, UUID projectId) {
        portalAccess.verify(scope, PortalSection.PROJECTS, projectId);
        SharedProject p = projects.sharedProject(scope.clientId(), projectId);
        return comments(p.id());
    }

    /**
     * The customer writes in a shared project's thread; the project's owner is told by e-mail.
     *
     * @throws InvalidInputException when the text is empty or longer than {@link #COMMENT_MAX}, or the account wrote
     *                               more comments than its rate limit allows just now; nothing is saved
     * @throws NoAccessException     for a manager viewing as the client: that view is read-only
     * @throws NotFoundException     when the project is not the client's or not shared
     */
    @Transactional
    public ProjectComment post(CustomerScope scope, UUID projectId, String text) {
        portalAccess.verifyActing(scope, PortalSection.PROJECTS);
        portalAccess.verify(scope, PortalSection.PROJECTS, projectId);
        SharedProject p = projects.sharedProject(scope.clientId(), projectId);
        InvalidInputException.throwIfAny(checkComment(text));
        rateLimits.take(RateLimits.Action.PORTAL_COMMENT, scope.accountId().toString(), "comment");
        return toComment(chat.write(scope.clientId(), p.id(), p.name(), true, scope.username(), scope.displayName(),
                text));
    }

    // -------------------------------------------------------------------------------------------------- rules

    /** Checks the rules for a comment; the form shows the same problems before sending. */
    public static List<FieldProblem> checkComment(String text) {
        // a chat message's rules, said in the thread's own words on its own field
        return ChatService.checkMessage(text).stream()
                .map(p -> "chat.error.empty".equals(p.messageKey())
                        ? FieldProblem.of("comment", "portal.comments.error.empty")
                        : new FieldProblem("comment", p.messageKey(), p.args()))
                .toList();
    }

    private List<ProjectComment> comments(UUID projectId) {
        return chat.existingProjectClientChannel(projectId).map(chat::all).orElse(List.of()).stream()
                .filter(m -> !m.deleted()).map(ProjectConversationService::toComment).toList();
    }

    private static ProjectComment toComment(ChatMessage m) {
        return new ProjectComment(m.id(), m.authorName(), m.fromCustomer(), m.body(), m.createdAt());
    }
}
