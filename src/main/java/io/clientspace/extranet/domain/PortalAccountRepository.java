package io.clientspace.extranet.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PortalAccountRepository extends JpaRepository<PortalAccountEntity, UUID> {

    /** People who can use the portal now or are invited to. Uses the partial index portal_account_client_idx. */
    @Query("select count(a) from PortalAccountEntity a where a.clientId = ?1 and a.status in ('ACTIVE', 'INVITED')")
    long countActiveByClient(UUID clientId);

    /** Every contact of the client, revoked ones included, by name. */
    @Query("select a from PortalAccountEntity a where a.clientId = ?1 order by lower(a.displayName), a.id")
    List<PortalAccountEntity> byClient(UUID clientId);

    @Query("select a from PortalAccountEntity a where lower(a.email) = lower(?1)")
    java.util.Optional<PortalAccountEntity> findByEmail(String email);

    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PortalAccountEntity a where a.id = ?1")
    java.util.Optional<PortalAccountEntity> lockById(UUID id);

    java.util.Optional<PortalAccountEntity> findByUsername(String username);

    /** Row-locks the account, so that two grants of one identity cannot both pass the checks. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PortalAccountEntity a where a.username = ?1")
    java.util.Optional<PortalAccountEntity> lockByUsername(String username);
}
