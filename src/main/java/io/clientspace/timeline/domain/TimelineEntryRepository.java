package io.clientspace.timeline.domain;

import java.util.Optional;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TimelineEntryRepository extends JpaRepository<TimelineEntryEntity, UUID> {

    /** Replaces an erased person's name as the title of the client's entries about them or naming them. */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @Query("update TimelineEntryEntity e set e.subjectTitle = ?4 where e.clientId = ?1"
            + " and (e.subjectId = ?2 or e.subjectTitle = ?3)")
    int eraseTitle(UUID clientId, UUID subjectId, String name, String placeholder);

    /** Replaces an erased person's name where the client's entries give it as their detail (who commented). */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @Query("update TimelineEntryEntity e set e.detail = ?3 where e.clientId = ?1 and e.detail = ?2")
    int eraseDetail(UUID clientId, String name, String placeholder);

    /** A page of the client's timeline, newest first. Uses timeline_entry_client_idx. */
    @Query("select e from TimelineEntryEntity e where e.clientId = ?1 order by e.occurredAt desc, e.id desc")
    List<TimelineEntryEntity> page(UUID clientId, Pageable page);

    long countByClientId(UUID clientId);

    /** A page of the project's timeline, newest first. Uses timeline_entry_project_idx. */
    @Query("select e from TimelineEntryEntity e where e.projectId = ?1 order by e.occurredAt desc, e.id desc")
    List<TimelineEntryEntity> pageOfProject(UUID projectId, Pageable page);

    long countByProjectId(UUID projectId);

    Optional<TimelineEntryEntity> findFirstByClientIdOrderByOccurredAtDesc(UUID clientId);

    Optional<TimelineEntryEntity> findFirstByProjectIdOrderByOccurredAtDesc(UUID projectId);
}
