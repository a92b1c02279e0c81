package io.clientspace.request.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientRequestEntryRepository extends JpaRepository<ClientRequestEntryEntity, UUID> {

    /** Uses client_request_entry_idx. */
    @Query("select e from ClientRequestEntryEntity e where e.requestId = ?1 order by e.at, e.id")
    List<ClientRequestEntryEntity> byRequest(UUID requestId);
}
