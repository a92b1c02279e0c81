package io.clientspace.task.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "task_comment")
public class TaskCommentEntity {
    @Id
    private UUID id;
    private UUID taskId;
    private String author;
    private String body;
    private Instant createdAt;

    protected TaskCommentEntity() {
    }

    public TaskCommentEntity(UUID taskId, String author, String body, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getTaskId() { return taskId; }
    public String getAuthor() { return author; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
