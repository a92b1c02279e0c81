package io.clientspace.acceptance.domain;

import java.util.Collection;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DocumentAcceptanceRepository extends JpaRepository<DocumentAcceptanceEntity, UUID> {

    /** Row-locks the acceptance: an accept, a second accept and the expiry timer take turns on it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from DocumentAcceptanceEntity a where a.id = ?1")
    Optional<DocumentAcceptanceEntity> lockById(UUID id);

    /** Newest first; uses document_acceptance_client_idx. */
    @Query("select a from DocumentAcceptanceEntity a where a.clientId = ?1 order by a.sentAt desc, a.id")
    List<DocumentAcceptanceEntity> byClient(UUID clientId);

    /** Newest first; uses document_acceptance_document_idx. */
    @Query("select a from DocumentAcceptanceEntity a where a.documentId = ?1 order by a.sentAt desc, a.id")
    List<DocumentAcceptanceEntity> byDocument(UUID documentId);

    /** Every acceptance of these documents; uses document_acceptance_document_idx. */
    @Query("select a from DocumentAcceptanceEntity a where a.documentId in ?1")
    List<DocumentAcceptanceEntity> byDocuments(Collection<UUID> documentIds);

    /** Acceptances still waiting for the customer in the project (not past their deadline). */
    @Query("select count(a) from DocumentAcceptanceEntity a where a.projectId = ?1 and a.status = 'PENDING'"
            + " and a.expiresAt > ?2")
    long countPendingInProject(UUID projectId, java.time.Instant now);

    /** The same on the client as a whole, its projects included. */
    @Query("select count(a) from DocumentAcceptanceEntity a where a.clientId = ?1 and a.status = 'PENDING'"
            + " and a.expiresAt > ?2")
    long countPendingOnClient(UUID clientId, java.time.Instant now);

    /** Whether the document was ever sent for acceptance; uses document_acceptance_document_idx. */
    boolean existsByDocumentId(UUID documentId);

    /**
     * What a person accepted, by the e-mail address their evidence records: "title vN" per acceptance, oldest first.
     */
    @Query("select concat(a.documentTitle, ' v', cast(a.versionNumber as String)) from DocumentAcceptanceEntity a"
            + " where a.status = 'ACCEPTED' and lower(a.acceptedEmail) = lower(?1) order by a.acceptedAt")
    List<String> acceptedBy(String email);
}
