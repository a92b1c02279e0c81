package io.clientspace.extranet.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PortalAccountRepository extends JpaRepository<PortalAccountEntity, UUID> {

    /** People who can use the portal now or are invited to. Uses the partial index portal_account_client_idx. */
    @Query("select count(a) from PortalAccountEntity a where a.clientId = ?1 and a.status in ('ACTIVE', 'INVITED')")
    long countActiveByClient(UUID clientId);

    /** Contacts of the client in one status, e.g. ACTIVE: people who signed in and may use the portal now. */
    @Query("select count(a) from PortalAccountEntity a where a.clientId = ?1 and a.status = ?2")
    long countByStatus(UUID clientId, String status);

    @Query("select count(a) from PortalAccountEntity a where a.clientId = ?1 and a.removedAt is null")
    long countByClient(UUID clientId);

    /** Waiting invitations of the client that run out before {@code before}. */
    @Query("select count(a) from PortalAccountEntity a where a.clientId = ?1 and a.status = 'INVITED'"
            + " and a.invitationExpiresAt < ?2")
    long countInvitationsExpiringBefore(UUID clientId, java.time.Instant before);

    /** Every contact of the client, revoked ones included, by name. */
    @Query("select a from PortalAccountEntity a where a.clientId = ?1 order by lower(a.displayName), a.id")
    List<PortalAccountEntity> byClient(UUID clientId);

    @Query("select a from PortalAccountEntity a where lower(a.email) = lower(?1)")
    Optional<PortalAccountEntity> findByEmail(String email);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PortalAccountEntity a where a.id = ?1")
    Optional<PortalAccountEntity> lockById(UUID id);

    Optional<PortalAccountEntity> findByUsername(String username);

    /**
     * Row-locks the account, so that two grants of one identity cannot both pass the checks, and a sign-in waits for
     * the invitation's step on the same row.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PortalAccountEntity a where a.username = ?1")
    Optional<PortalAccountEntity> lockByUsername(String username);
}
