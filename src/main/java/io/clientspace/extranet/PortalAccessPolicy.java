package io.clientspace.extranet;

import io.clientspace.client.ClientService;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one portal access rule: who may look through the portal, as which client. It turns the signed-in customer into
 * a {@link CustomerScope} and verifies a scope against the account's current state, once per request: a Vaadin
 * round trip that uploads a file and saves an answer asks the database once, not at every module it passes
 * (docs/decisions/DD012-one-portal-access-rule.md).
 */
@Service
public class PortalAccessPolicy {

    private static final String VERIFIED = PortalAccessPolicy.class.getName() + ".verified:";

    private final ExternalAccessService externalAccess;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;

    PortalAccessPolicy(ExternalAccessService externalAccess, ClientService clients, CurrentUserProvider currentUser) {
        this.externalAccess = externalAccess;
        this.clients = clients;
        this.currentUser = currentUser;
    }

    /**
     * The signed-in customer's scope; empty when their portal account is not active for the client record their
     * sign-in claims, in which case the portal shows nothing.
     *
     * @throws AccessDeniedException for anybody but a customer
     */
    @Transactional(readOnly = true)
    public Optional<CustomerScope> current() {
        CurrentUser user = currentUser.requireCustomer();
        return externalAccess.currentCustomerAccount().flatMap(account -> clients.forCurrentCustomer()
                .map(record -> new CustomerScope(account.id(), record.id(), record.name(), user.username(),
                        account.displayName(), account.email(), false)));
    }

    /**
     * "View as client": what one portal contact (whatever their status) would see under their role and policy, for a manager or admin, read-only.
     *
     * @throws NoAccessException unless the current user is a manager or admin
     * @throws NotFoundException when there is no such active account
     */
    @Transactional(readOnly = true)
    public CustomerScope asContact(UUID accountId) {
        requireManager();
        // any contact, also one who has not signed in yet: the preview shows what their role and policy would show
        var a = externalAccess.identityForPortalCheck(accountId)
                .filter(x -> !x.removed())
                .orElseThrow(() -> new NotFoundException("Portal account"));
        return new CustomerScope(a.id(), a.clientId(), clients.get(a.clientId()).name(), a.username(),
                a.displayName(), a.email(), true);
    }

    /**
     * Checks a scope again, as the current user: a customer's scope must still be their own active account; a
     * preview is for managers and admins only. Within one request, a scope that passed is not asked again.
     *
     * @throws AccessDeniedException when a customer's scope is not their own active account (any more)
     * @throws NoAccessException     when a preview is used by someone who is not a manager
     */
    @Transactional(readOnly = true)
    public void verify(CustomerScope scope) {
        Objects.requireNonNull(scope, "scope");
        if (scope.preview()) {
            requireManager();
            return;
        }
        CurrentUser user = currentUser.requireCustomer();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = VERIFIED + scope.accountId() + ":" + user.username();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) == scope) {
            return;
        }
        boolean active = externalAccess.identityForPortalCheck(scope.accountId())
                .filter(a -> a.status() == PortalContactStatus.ACTIVE && a.clientId().equals(scope.clientId())
                        && a.clientId().equals(user.customerId()) && a.username().equals(user.username()))
                .isPresent();
        if (!active) {
            throw new AccessDeniedException("Not this customer's active portal account");
        }
        if (request != null) {
            request.setAttribute(key, scope, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * For a customer's own action (accept, decline, answer, upload, write): {@link #verify} and not a preview.
     *
     * @throws NoAccessException for a manager's read-only "view as client"
     */
    public void verifyActing(CustomerScope scope) {
        verify(scope);
        if (scope.preview()) {
            throw new NoAccessException("Viewing as the client is read-only", null);
        }
    }

    // ------------------------------------------------------------------------ roles and policy (DD035)

    /** The contact's role and policy as they are now (not as when the scope was made); verifies the scope. */
    @Transactional(readOnly = true)
    public ContactPolicy policyOf(CustomerScope scope) {
        return identity(scope).policy();
    }

    /** Whether the scope's contact sees this portal section; verifies the scope. */
    @Transactional(readOnly = true)
    public boolean sees(CustomerScope scope, PortalSection section) {
        return policyOf(scope).sees(section);
    }

    /** Whether the scope's contact sees this shared project (null: the client as a whole); verifies the scope. */
    @Transactional(readOnly = true)
    public boolean seesProject(CustomerScope scope, UUID projectId) {
        return policyOf(scope).seesProject(projectId);
    }

    /**
     * Whether the scope's contact may accept or decline proposals and acceptances: decision makers and approvers.
     * A preview answers for the contact it shows (the preview itself stays read-only).
     */
    @Transactional(readOnly = true)
    public boolean mayDecide(CustomerScope scope) {
        return identity(scope).role().decides();
    }

    /** Whether the scope's contact is a billing contact, who also sees the client's invoices and acts. */
    @Transactional(readOnly = true)
    public boolean seesInvoicesAndActs(CustomerScope scope) {
        return identity(scope).role() == PortalRole.BILLING;
    }

    /**
     * {@link #verify} and the contact's policy shows the section.
     *
     * @throws NoAccessException when the contact's policy hides the section
     */
    @Transactional(readOnly = true)
    public void verify(CustomerScope scope, PortalSection section) {
        if (!sees(scope, section)) {
            throw new NoAccessException("Your access to this client's portal does not include "
                    + section.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ". Ask your contact at the firm if you need it.", null);
        }
    }

    /**
     * {@link #verify(CustomerScope, PortalSection)} and a project the contact's policy shows.
     *
     * @throws NoAccessException when the policy hides the section or the project
     */
    @Transactional(readOnly = true)
    public void verify(CustomerScope scope, PortalSection section, UUID projectId) {
        verify(scope, section);
        if (!seesProject(scope, projectId)) {
            throw new NoAccessException("Your access to this client's portal does not include this project."
                    + " Ask your contact at the firm if you need it.", null);
        }
    }

    /** {@link #verifyActing} and the section; see {@link #verify(CustomerScope, PortalSection)}. */
    public void verifyActing(CustomerScope scope, PortalSection section) {
        verifyActing(scope);
        verify(scope, section);
    }

    /**
     * For accepting or declining a proposal or an acceptance: {@link #verifyActing(CustomerScope, PortalSection)}
     * and the contact is a decision maker or an approver.
     *
     * @throws NoAccessException for any other role, for a hidden section, and for a preview
     */
    public void verifyDeciding(CustomerScope scope, PortalSection section) {
        verifyActing(scope, section);
        if (!mayDecide(scope)) {
            throw new NoAccessException("Only the client's decision makers and approvers can accept or decline."
                    + " Your role is " + identity(scope).role().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ".", null);
        }
    }

    private ExternalAccessService.PortalIdentity identity(CustomerScope scope) {
        verify(scope);
        return externalAccess.identityForPortalCheck(scope.accountId())
                .orElseThrow(() -> new AccessDeniedException("No such portal account"));
    }

    private void requireManager() {
        if (!currentUser.requireStaff().seesAllClients()) {
            throw new NoAccessException("Viewing as the client is for managers", null);
        }
    }
}
