package io.clientspace.timeline.domain;

import java.util.Optional;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TimelineEntryRepository extends JpaRepository<TimelineEntryEntity, UUID> {

    /** A page of the client's timeline, newest first. Uses timeline_entry_client_idx. */
    @Query("select e from TimelineEntryEntity e where e.clientId = ?1 order by e.occurredAt desc, e.id desc")
    List<TimelineEntryEntity> page(UUID clientId, Pageable page);

    long countByClientId(UUID clientId);

    /** A page of the project's timeline, newest first. Uses timeline_entry_project_idx. */
    @Query("select e from TimelineEntryEntity e where e.projectId = ?1 order by e.occurredAt desc, e.id desc")
    List<TimelineEntryEntity> pageOfProject(UUID projectId, Pageable page);

    long countByProjectId(UUID projectId);

    Optional<TimelineEntryEntity> findFirstByClientIdOrderByOccurredAtDesc(UUID clientId);
}
