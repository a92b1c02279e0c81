package io.clientspace.task.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskCommentRepository extends JpaRepository<TaskCommentEntity, UUID> {

    /** Uses task_comment_task_idx. */
    List<TaskCommentEntity> findByTaskIdOrderByCreatedAtAsc(UUID taskId);
}
