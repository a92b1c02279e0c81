package io.clientspace.extranet.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PortalAccountRepository extends JpaRepository<PortalAccountEntity, UUID> {

    /** Uses the partial index portal_account_client_idx. */
    @Query("select count(a) from PortalAccountEntity a where a.clientId = ?1 and a.status <> 'REVOKED'")
    long countActiveByClient(UUID clientId);

    @Query("select a from PortalAccountEntity a where a.clientId = ?1 and a.status <> 'REVOKED' order by a.displayName")
    List<PortalAccountEntity> activeByClient(UUID clientId);

    java.util.Optional<PortalAccountEntity> findByUsername(String username);

    /** Row-locks the account, so that two grants of one identity cannot both pass the checks. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PortalAccountEntity a where a.username = ?1")
    java.util.Optional<PortalAccountEntity> lockByUsername(String username);
}
