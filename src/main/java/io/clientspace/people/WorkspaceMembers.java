package io.clientspace.people;

import java.util.List;

/**
 * What the Members tab shows: who can open the client, the open access requests (only to those who may answer them,
 * else empty) and whether the current user may change the list.
 */
public record WorkspaceMembers(List<WorkspaceMember> members, List<MemberAccessRequest> requests, boolean canManage) {
}
