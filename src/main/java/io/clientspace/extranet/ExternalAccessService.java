package io.clientspace.extranet;

import io.clientspace.client.ClientService;
import io.clientspace.extranet.domain.PortalAccountEntity;
import io.clientspace.extranet.domain.PortalAccountRepository;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who on the client's side may use the portal. Only admins and managers see or change it: it decides what leaves
 * the company.
 */
@Service
public class ExternalAccessService {

    private final PortalAccountRepository accounts;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final Clock clock;
    private final CustomerDirectory directory;

    ExternalAccessService(PortalAccountRepository accounts, ClientService clients, CurrentUserProvider currentUser,
                          StaffDirectory staff, Clock clock, CustomerDirectory directory) {
        this.accounts = accounts;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.clock = clock;
        this.directory = directory;
    }

    /** Whether the current user may see the External access tab at all. */
    public boolean canView() {
        return currentUser.requireStaff().seesAllClients();
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        requireViewer(clientId);
        return accounts.countActiveByClient(clientId);
    }

    @Transactional(readOnly = true)
    public List<PortalAccount> forClient(UUID clientId) {
        requireViewer(clientId);
        return accounts.activeByClient(clientId).stream()
                .map(a -> new PortalAccount(a.getId(), a.getDisplayName(), a.getEmail(), a.getStatus(),
                        staff.displayName(a.getGrantedBy()), a.getGrantedAt()))
                .toList();
    }

    /**
     * Gives an existing customer identity (already in the customers realm) access to the client's portal: binds it
     * to the client record in Keycloak and records the grant. Invitations of new people arrive with the invitation
     * process.
     *
     * @throws io.clientspace.shared.NotFoundException when the customers realm has no such user
     */
    @Transactional
    public PortalAccount grantExisting(UUID clientId, String username) {
        CurrentUser user = requireViewer(clientId);
        var identity = directory.find(username).orElseThrow(() -> new NotFoundException("Customer identity"));
        directory.bind(identity, clientId);
        PortalAccountEntity account = accounts.findByUsername(username).orElseGet(() -> accounts.save(
                new PortalAccountEntity(UUID.randomUUID(), clientId, username, identity.getEmail(),
                        CustomerDirectory.displayName(identity), "ACTIVE", user.username(), clock.instant())));
        return new PortalAccount(account.getId(), account.getDisplayName(), account.getEmail(), account.getStatus(),
                staff.displayName(account.getGrantedBy()), account.getGrantedAt());
    }

    private CurrentUser requireViewer(UUID clientId) {
        CurrentUser user = currentUser.requireStaff();
        var client = clients.get(clientId);
        if (!user.seesAllClients()) {
            throw new NoAccessException("External access is for managers", client.ownerName());
        }
        return user;
    }
}
