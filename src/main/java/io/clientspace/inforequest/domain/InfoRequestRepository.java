package io.clientspace.inforequest.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InfoRequestRepository extends JpaRepository<InfoRequestEntity, UUID> {

    /** Row-locks the request: every change to it or its items runs one after the other on the same state. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from InfoRequestEntity r where r.id = ?1")
    Optional<InfoRequestEntity> lockById(UUID id);

    /** Uses info_request_project_idx. */
    @Query("select r from InfoRequestEntity r where r.projectId = ?1 order by r.createdAt desc, r.number desc")
    List<InfoRequestEntity> byProject(UUID projectId);

    @Query("select count(r) from InfoRequestEntity r where r.projectId = ?1 and r.status in ('DRAFT', 'SENT', 'IN_PROGRESS')")
    long countOpenByProject(UUID projectId);

    /** The client's requests that are not completed or cancelled, drafts included, oldest first. */
    @Query("select r from InfoRequestEntity r where r.clientId = ?1 and r.status in ('DRAFT', 'SENT', 'IN_PROGRESS')"
            + " order by r.createdAt, r.number")
    List<InfoRequestEntity> openByClient(UUID clientId);

    /** What the client's portal lists: sent at some point, in one of the given (shared) projects. */
    @Query("select r from InfoRequestEntity r where r.clientId = ?1 and r.projectId in ?2 and r.sentAt is not null"
            + " order by r.sentAt desc, r.number desc")
    List<InfoRequestEntity> sentInProjects(UUID clientId, Collection<UUID> projectIds);
}
