package io.clientspace.conversation;

import static io.clientspace.shared.Texts.clean;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.RateLimits;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's thread between the customer and the team. The team reads and answers it on the project's Comments tab
 * (whoever may open the project); the customer reads and writes it in the portal while the project is shared. Every
 * message is on the project's timeline, and the other side hears of it by e-mail.
 */
@Service
public class ProjectConversationService {

    /** The longest comment, in characters; the table column holds exactly this. */
    public static final int COMMENT_MAX = 2000;

    private final ProjectService projects;
    private final PortalAccessPolicy portalAccess;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final RateLimits rateLimits;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectConversationService(ProjectService projects, PortalAccessPolicy portalAccess,
                               CurrentUserProvider currentUser, StaffDirectory staff, RateLimits rateLimits,
                               JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.portalAccess = portalAccess;
        this.currentUser = currentUser;
        this.staff = staff;
        this.rateLimits = rateLimits;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    // ----------------------------------------------------------------------------------------------- the team

    /**
     * The thread of a project the current staff member may open, oldest first; shared or not.
     *
     * @throws NoAccessException when the user may not open the project
     * @throws NotFoundException when there is no such project
     */
    @Transactional(readOnly = true)
    public List<ProjectComment> thread(UUID projectId) {
        ClientProject p = projects.get(projectId);
        return comments(p.clientId(), p.id());
    }

    /** How many messages the project's thread has; the same permission as {@link #thread}. */
    @Transactional(readOnly = true)
    public long count(UUID projectId) {
        ClientProject p = projects.get(projectId);
        Long n = jdbc.queryForObject("select count(*) from portal_comment where project_id = ? and client_id = ?",
                Long.class, p.id(), p.clientId());
        return n == null ? 0 : n;
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
        return save(p.clientId(), p.id(), p.name(), false, user.username(), staff.displayName(user.username()), text);
    }

    // ----------------------------------------------------------------------------------------------- the customer

    /**
     * The thread of a shared project, oldest first, as the customer sees it.
     *
     * @throws NotFoundException when the project is not the scope's client's or not shared
     */
    @Transactional(readOnly = true)
    public List<ProjectComment> customerThread(CustomerScope scope, UUID projectId) {
        portalAccess.verify(scope);
        SharedProject p = projects.sharedProject(scope.clientId(), projectId);
        return comments(scope.clientId(), p.id());
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
        portalAccess.verifyActing(scope);
        SharedProject p = projects.sharedProject(scope.clientId(), projectId);
        InvalidInputException.throwIfAny(checkComment(text));
        rateLimits.take(RateLimits.Action.PORTAL_COMMENT, scope.accountId().toString(), "comment");
        return save(scope.clientId(), p.id(), p.name(), true, scope.username(), scope.displayName(), text);
    }

    // -------------------------------------------------------------------------------------------------- rules

    /** Checks the rules for a comment; the form shows the same problems before sending. */
    public static List<FieldProblem> checkComment(String text) {
        String body = clean(text);
        if (body == null) {
            return List.of(FieldProblem.of("comment", "portal.comments.error.empty"));
        }
        if (body.length() > COMMENT_MAX) {
            return List.of(FieldProblem.of("comment", "validation.too-long", COMMENT_MAX));
        }
        return List.of();
    }

    private ProjectComment save(UUID clientId, UUID projectId, String projectName, boolean fromCustomer,
                                String author, String authorName, String text) {
        InvalidInputException.throwIfAny(checkComment(text));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String body = clean(text);
        String name = abbreviate(authorName == null || authorName.isBlank() ? author : authorName, 200);
        jdbc.update("""
                insert into portal_comment (id, project_id, client_id, author_kind, author, author_name, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", id, projectId, clientId, fromCustomer ? "CUSTOMER" : "STAFF",
                abbreviate(author, 254), name, body, Timestamp.from(now));
        events.publishEvent(new ProjectCommentPosted(id, clientId, projectId, projectName, fromCustomer, name, author));
        // the timeline kinds keep their first names, so that entries written before this module existed still read
        events.publishEvent(new ActivityRecorded(clientId, projectId, null,
                fromCustomer ? "PORTAL_COMMENT_CUSTOMER" : "PORTAL_COMMENT_TEAM", id, projectName, name));
        return new ProjectComment(id, name, fromCustomer, body, now);
    }

    private List<ProjectComment> comments(UUID clientId, UUID projectId) {
        return jdbc.query("""
                select id, author_name, author_kind, body, created_at from portal_comment
                where project_id = ? and client_id = ? order by created_at, id""",
                (rs, i) -> new ProjectComment(rs.getObject(1, UUID.class), rs.getString(2),
                        "CUSTOMER".equals(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()),
                projectId, clientId);
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
