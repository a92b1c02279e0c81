package io.clientspace.document.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DocumentVersionRepository extends JpaRepository<DocumentVersionEntity, UUID> {

    List<DocumentVersionEntity> findByDocumentIdOrderByNumberDesc(UUID documentId);

    @Query("select coalesce(max(v.number), 0) from DocumentVersionEntity v where v.documentId = ?1")
    int lastNumber(UUID documentId);

    /** (document id, latest number) for the given documents: one query for a whole list. */
    @Query("select v.documentId, max(v.number) from DocumentVersionEntity v where v.documentId in ?1"
            + " group by v.documentId")
    List<Object[]> latestNumbers(Collection<UUID> documentIds);

    /** Versions waiting for their virus scan, oldest first. */
    @Query("select v.id from DocumentVersionEntity v where v.quarantinedAt is not null order by v.quarantinedAt")
    List<UUID> quarantined(Pageable page);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from DocumentVersionEntity v where v.id = ?1")
    Optional<DocumentVersionEntity> lockById(UUID id);

    long countByDocumentId(UUID documentId);
}
