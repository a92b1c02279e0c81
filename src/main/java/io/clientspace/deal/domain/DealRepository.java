package io.clientspace.deal.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DealRepository extends JpaRepository<DealEntity, UUID> {

    List<DealEntity> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    /** Uses deal_client_idx. */
    long countByClientId(UUID clientId);
}
