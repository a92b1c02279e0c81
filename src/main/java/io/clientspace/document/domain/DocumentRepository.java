package io.clientspace.document.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentRepository extends JpaRepository<DocumentEntity, UUID> {

    /** Uses document_client_idx. */
    long countByClientId(UUID clientId);

    List<DocumentEntity> findByClientIdOrderByUpdatedAtDesc(UUID clientId);
}
