package io.clientspace.task.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WorkTaskRepository extends JpaRepository<WorkTaskEntity, UUID> {

    /** Uses the partial index work_task_client_open_idx. */
    @Query("select count(t) from WorkTaskEntity t where t.clientId = ?1 and t.completedAt is null")
    long countOpenByClient(UUID clientId);

    @Query("select t from WorkTaskEntity t where t.clientId = ?1 and t.completedAt is null"
            + " order by t.dueDate asc nulls last, t.createdAt asc")
    List<WorkTaskEntity> openByClient(UUID clientId);

    Optional<WorkTaskEntity> findByEngineTaskId(String engineTaskId);
}
