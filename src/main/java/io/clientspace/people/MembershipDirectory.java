package io.clientspace.people;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.ClientMemberships;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers the client module's access checks from the member table; only grants whose end has not passed count. */
@Component
class MembershipDirectory implements ClientMemberships {

    private final WorkspaceMemberService members;

    MembershipDirectory(WorkspaceMemberService members) {
        this.members = members;
    }

    @Override
    public AccessLevel grantedLevel(UUID clientId, String username) {
        return members.grantedLevel(clientId, username);
    }

    @Override
    public List<UUID> clientsOf(String username) {
        return members.clientsOf(username);
    }

    @Override
    public List<UUID> clientsAboveViewer(String username) {
        return members.clientsWorkedOnBy(username);
    }

    @Override
    public Map<String, AccessLevel> grantsOn(UUID clientId) {
        return members.grantsOn(clientId);
    }
}
