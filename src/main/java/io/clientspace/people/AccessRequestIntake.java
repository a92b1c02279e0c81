package io.clientspace.people;

import io.clientspace.client.AccessRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * "Ask for access" on a client becomes a decision in its owner's "My tasks" and on its Members tab; the client
 * module's e-mail to the owner stays as the notification. A project's request goes to the project's owner, who adds
 * the colleague to its work group as before.
 */
@Component
class AccessRequestIntake {

    private final WorkspaceMemberService members;

    AccessRequestIntake(WorkspaceMemberService members) {
        this.members = members;
    }

    @ApplicationModuleListener
    void on(AccessRequested event) {
        if (event.projectId() == null) {
            members.openRequest(event.clientId(), event.requester());
        }
    }
}
