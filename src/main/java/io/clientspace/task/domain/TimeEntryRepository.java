package io.clientspace.task.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TimeEntryRepository extends JpaRepository<TimeEntryEntity, UUID> {

    /** Uses time_entry_task_idx. */
    List<TimeEntryEntity> findByTaskIdOrderByWorkDateDescCreatedAtDesc(UUID taskId);

    @Query("select coalesce(sum(e.minutes), 0) from TimeEntryEntity e where e.taskId = ?1")
    long minutesOnTask(UUID taskId);

    /** (all minutes, billable minutes) booked on the tasks of the client's project. */
    @Query("select coalesce(sum(e.minutes), 0), coalesce(sum(case when e.billable = true then e.minutes else 0 end), 0)"
            + " from TimeEntryEntity e, WorkTaskEntity t where e.taskId = t.id and t.clientId = ?1 and t.projectId = ?2")
    List<Object[]> minutesInProject(UUID clientId, UUID projectId);
}
