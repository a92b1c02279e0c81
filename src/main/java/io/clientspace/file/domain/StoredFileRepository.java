package io.clientspace.file.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StoredFileRepository extends JpaRepository<StoredFileEntity, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from StoredFileEntity f where f.id = ?1")
    Optional<StoredFileEntity> lockById(UUID id);

    /** Uses the partial index stored_file_client_idx. */
    @Query("select count(f) from StoredFileEntity f where f.clientId = ?1 and f.deletedAt is null")
    long countActiveByClient(UUID clientId);

    /** The first page of activeByClient. Uses stored_file_client_uploaded_idx, in its order. */
    @Query("select f from StoredFileEntity f where f.clientId = ?1 and f.deletedAt is null order by f.uploadedAt desc")
    List<StoredFileEntity> activeByClient(UUID clientId, Pageable page);

    /** Uses the partial index stored_file_project_idx. */
    @Query("select count(f) from StoredFileEntity f where f.projectId = ?1 and f.deletedAt is null")
    long countActiveByProject(UUID projectId);

    /** The first page of activeByProject. Uses stored_file_project_uploaded_idx, in its order. */
    @Query("select f from StoredFileEntity f where f.projectId = ?1 and f.deletedAt is null order by f.uploadedAt desc")
    List<StoredFileEntity> activeByProject(UUID projectId, Pageable page);

    @Query("select f from StoredFileEntity f where f.projectId = ?1 and f.deletedAt >= ?2 order by f.deletedAt desc")
    List<StoredFileEntity> trashByProject(UUID projectId, Instant since);

    /** Deleted since the given moment, newest first. Uses stored_file_client_trash_idx. */
    @Query("select f from StoredFileEntity f where f.clientId = ?1 and f.deletedAt >= ?2 order by f.deletedAt desc")
    List<StoredFileEntity> trashByClient(UUID clientId, Instant since);

    /** Files waiting in quarantine for a virus scan, oldest first. Uses stored_file_scan_pending_idx. */
    @Query("select f.id from StoredFileEntity f where f.scanStatus = 'PENDING' order by f.uploadedAt")
    List<UUID> quarantined(Pageable page);

    /** Deleted before the given moment: due to be removed for good. */
    @Query("select f from StoredFileEntity f where f.deletedAt < ?1 order by f.deletedAt")
    List<StoredFileEntity> expiredTrash(Instant before, Pageable page);

    /**
     * The client's shared files that the portal may show: not in the trash, and on the client as a whole or in one of
     * the given (shared) projects. Uses stored_file_shared_idx.
     */
    @Query("select f from StoredFileEntity f where f.clientId = ?1 and f.sharedWithClient = true"
            + " and f.deletedAt is null and (f.projectId is null or f.projectId in ?2) order by f.uploadedAt desc")
    List<StoredFileEntity> sharedOnClient(UUID clientId, Collection<UUID> sharedProjects);

    @Query("select f from StoredFileEntity f where f.clientId = ?1 and f.projectId = ?2 and f.sharedWithClient = true"
            + " and f.deletedAt is null order by f.uploadedAt desc")
    List<StoredFileEntity> sharedInProject(UUID clientId, UUID projectId);
}
