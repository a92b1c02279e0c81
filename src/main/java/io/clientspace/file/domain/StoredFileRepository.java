package io.clientspace.file.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StoredFileRepository extends JpaRepository<StoredFileEntity, UUID> {

    /** Uses the partial index stored_file_client_idx. */
    @Query("select count(f) from StoredFileEntity f where f.clientId = ?1 and f.deletedAt is null")
    long countActiveByClient(UUID clientId);

    @Query("select f from StoredFileEntity f where f.clientId = ?1 and f.deletedAt is null order by f.uploadedAt desc")
    List<StoredFileEntity> activeByClient(UUID clientId);
}
