package io.clientspace.people;

import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.task.TaskFilter;
import io.clientspace.client.AccessLevel;
import io.clientspace.client.Client;
import io.clientspace.client.ClientAction;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTaskService;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's matrix (role × level × action), one row per case, each run through the real services: reading is
 * listing the open tasks, working is creating a task, sharing is the gate that files, documents, acceptances and
 * portal invitations pass, and managing members is listing whom one could let in. A client owned by Maria Keller
 * (manager) with one project, and Tom Becker (member) as the one whose level varies.
 */
@ClientspaceIntegrationTest
class PermissionMatrixIntegrationTests {

    static final Set<ClientAction> ALL = EnumSet.allOf(ClientAction.class);
    static final Set<ClientAction> NOTHING = EnumSet.noneOf(ClientAction.class);
    static final Set<ClientAction> READ = EnumSet.of(ClientAction.READ);
    static final Set<ClientAction> WORK = EnumSet.of(ClientAction.READ, ClientAction.WORK);

    /** Who acts. */
    enum Who { ADMIN, FIRM_MANAGER, OWNER, MEMBER }

    /** Where: the client as a whole, or its project. */
    enum Where { CLIENT, PROJECT }

    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    WorkspaceMemberService members;
    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> matrix() {
        return Stream.of(
                // role,          level on the client,  in the project's work group, grant ended, where, allowed
                row(Who.ADMIN, AccessLevel.NONE, false, false, Where.CLIENT, ALL),
                row(Who.FIRM_MANAGER, AccessLevel.NONE, false, false, Where.CLIENT, ALL),
                row(Who.OWNER, AccessLevel.NONE, false, false, Where.CLIENT, ALL),
                row(Who.MEMBER, AccessLevel.NONE, false, false, Where.CLIENT, NOTHING),
                row(Who.MEMBER, AccessLevel.VIEWER, false, false, Where.CLIENT, READ),
                row(Who.MEMBER, AccessLevel.EDITOR, false, false, Where.CLIENT, WORK),
                row(Who.MEMBER, AccessLevel.MANAGER, false, false, Where.CLIENT, ALL),
                row(Who.MEMBER, AccessLevel.EDITOR, false, true, Where.CLIENT, NOTHING),
                row(Who.ADMIN, AccessLevel.NONE, false, false, Where.PROJECT, ALL),
                row(Who.OWNER, AccessLevel.NONE, false, false, Where.PROJECT, ALL),
                row(Who.MEMBER, AccessLevel.NONE, false, false, Where.PROJECT, NOTHING),
                row(Who.MEMBER, AccessLevel.NONE, true, false, Where.PROJECT, WORK),
                row(Who.MEMBER, AccessLevel.VIEWER, false, false, Where.PROJECT, READ),
                row(Who.MEMBER, AccessLevel.VIEWER, true, false, Where.PROJECT, WORK),
                row(Who.MEMBER, AccessLevel.EDITOR, false, false, Where.PROJECT, WORK),
                row(Who.MEMBER, AccessLevel.MANAGER, false, false, Where.PROJECT, ALL));
    }

    static Arguments row(Who who, AccessLevel level, boolean inProject, boolean ended, Where where,
                         Set<ClientAction> allowed) {
        return Arguments.of(who, level, inProject, ended, where, allowed);
    }

    @ParameterizedTest(name = "{0} at {1}, in work group {2}, ended {3}, on the {4}: may {5}")
    @MethodSource("matrix")
    void eachRoleAndLevelMayDoExactlyWhatTheMatrixSays(Who who, AccessLevel level, boolean inProject, boolean ended,
                                                       Where where, Set<ClientAction> allowed) {
        String owner = who == Who.OWNER ? "member" : "manager";
        Client client = asManager(() -> clients.create(ClientTestData.company(owner), false));
        ClientProject project = asManager(() -> projects.create(client.id(), project()));
        if (level != AccessLevel.NONE) {
            asManager(() -> members.grant(client.id(), "member", level, null));
        }
        if (ended) {
            jdbc.update("update workspace_member set ends_on = current_date - 1 where client_id = ?", client.id());
        }
        if (inProject) {
            asManager(() -> projects.addMember(project.id(), "member"));
        }
        WorkScope scope = where == Where.CLIENT ? WorkScope.client(client.id())
                : WorkScope.project(client.id(), project.id());

        for (ClientAction action : ClientAction.values()) {
            Supplier<Object> call = switch (action) {
                case READ -> () -> tasks.page(scope, TaskFilter.OPEN, 0, 100);
                case WORK -> () -> tasks.create(scope, task());
                case SHARE -> () -> {
                    projects.requireManage(scope);
                    return null;
                };
                case MANAGE_MEMBERS -> () -> members.candidates(client.id());
            };
            if (allowed.contains(action)) {
                act(who, call);
                assertThat(actAnswer(who, () -> projects.may(scope, action))).as("%s says may %s", where, action)
                        .isTrue();
            } else {
                assertThatThrownBy(() -> act(who, call)).as("%s refused", action)
                        .isInstanceOf(NoAccessException.class);
            }
        }
        if (!allowed.isEmpty()) {
            // what the tabs read to explain an unavailable action agrees with what the services enforce
            io.clientspace.project.WorkspaceRights rights = actAnswer(who, () -> projects.rights(scope));
            assertThat(rights.work()).as("rights say work").isEqualTo(allowed.contains(ClientAction.WORK));
            assertThat(rights.share()).as("rights say share").isEqualTo(allowed.contains(ClientAction.SHARE));
            assertThat(rights.askName()).as("whom to ask")
                    .isEqualTo(where == Where.CLIENT && who == Who.OWNER ? "Tom Becker" : "Maria Keller");
        }
    }

    private static Object act(Who who, Supplier<Object> call) {
        return actAnswer(who, call);
    }

    private static <T> T actAnswer(Who who, Supplier<T> call) {
        return switch (who) {
            case ADMIN -> as("admin", call, "STAFF", "ADMIN", "MANAGER");
            case FIRM_MANAGER -> as("jonas", call, "STAFF", "MANAGER");
            case OWNER, MEMBER -> as("member", call, "STAFF", "MEMBER");
        };
    }

    private static ProjectDraft project() {
        ProjectDraft d = new ProjectDraft();
        d.setName("Matrix project");
        d.setStatus(ProjectStatus.ACTIVE);
        d.setOwner("manager");
        return d;
    }

    private static TaskDraft task() {
        TaskDraft d = new TaskDraft();
        d.setTitle("Matrix task");
        d.setPriority(TaskPriority.NORMAL);
        return d;
    }
}
