package io.clientspace.extranet;

import io.clientspace.client.ClientService;
import io.clientspace.extranet.domain.PortalAccountEntity;
import io.clientspace.extranet.domain.PortalAccountRepository;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
                .map(this::record)
                .toList();
    }

    /**
     * Gives an existing customer identity (already in the customers realm) access to the client's portal: records
     * the grant and binds the identity to the client record in Keycloak. Granting the same identity to the same
     * client again changes nothing. Invitations of new people arrive with the invitation process.
     *
     * @throws NotFoundException     when the customers realm has no such user
     * @throws InvalidInputException when the identity has no e-mail, or already has access for another client
     */
    @Transactional
    public PortalAccount grantExisting(UUID clientId, String username) {
        CurrentUser user = requireViewer(clientId);
        var identity = directory.find(username).orElseThrow(() -> new NotFoundException("Customer identity"));
        if (identity.getEmail() == null || identity.getEmail().isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("username", "external.errors.no-email")));
        }
        String displayName = CustomerDirectory.displayName(identity);
        var existing = accounts.lockByUsername(username);
        PortalAccountEntity account;
        if (existing.isPresent() && existing.get().getClientId().equals(clientId) && !existing.get().isRevoked()) {
            return record(existing.get());
        } else if (existing.isPresent() && !existing.get().isRevoked()) {
            // One identity acts for one customer: moving it silently would show this person another client's data
            throw new InvalidInputException(List.of(FieldProblem.of("username", "external.errors.other-client",
                    clients.get(existing.get().getClientId()).name())));
        } else if (existing.isPresent()) {
            account = existing.get();
            account.grant(clientId, identity.getEmail(), displayName, user.username(), clock.instant());
        } else {
            account = new PortalAccountEntity(UUID.randomUUID(), clientId, username, identity.getEmail(),
                    displayName, "ACTIVE", user.username(), clock.instant());
        }
        accounts.saveAndFlush(account);
        // Keycloak last: a refused row leaves Keycloak untouched, and a rollback after this point restores the
        // previous binding, so the portal never shows a client that the grant records do not.
        String previous = CustomerDirectory.attribute(identity, CustomerDirectory.CUSTOMER_ID).stream()
                .findFirst().orElse(null);
        directory.bind(identity, clientId.toString());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    directory.bind(identity, previous);
                }
            }
        });
        return record(account);
    }

    /**
     * The signed-in customer's portal account, only while it is active and bound to the customer record their
     * sign-in claims. The portal shows nothing else without it.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<PortalAccount> currentCustomerAccount() {
        CurrentUser user = currentUser.requireCustomer();
        return accounts.findByUsername(user.username())
                .filter(a -> "ACTIVE".equals(a.getStatus()) && a.getClientId().equals(user.customerId()))
                .map(this::record);
    }

    private PortalAccount record(PortalAccountEntity a) {
        return new PortalAccount(a.getId(), a.getDisplayName(), a.getEmail(), a.getStatus(),
                staff.displayName(a.getGrantedBy()), a.getGrantedAt());
    }

    private CurrentUser requireViewer(UUID clientId) {
        CurrentUser user = currentUser.requireStaff();
        clients.requireAccess(clientId);
        if (!user.seesAllClients()) {
            throw new NoAccessException("External access is for managers", null);
        }
        return user;
    }
}
