package io.clientspace.task.domain;

import io.clientspace.task.TaskFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * JPQL for {@link WorkTaskListQueries}, in the orders of the open-task indexes (work_task_client_open_due_idx,
 * work_task_project_open_due_idx) and the finished-task ones (work_task_client_done_idx, work_task_project_done_idx);
 * the id breaks ties, so no task shows twice or never across pages.
 */
class WorkTaskListQueriesImpl implements WorkTaskListQueries {

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<WorkTaskEntity> listPage(UUID clientId, UUID projectScope, TaskFilter filter, LocalDate today,
                                         int offset, int limit) {
        String order = filter == TaskFilter.DONE ? " order by t.completedAt desc, t.id desc"
                : WorkTaskRepository.OPEN_ORDER + ", t.id asc";
        var query = em.createQuery("select t from WorkTaskEntity t where " + where(projectScope, filter) + order,
                WorkTaskEntity.class);
        bind(query, clientId, projectScope, filter, today);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long[] listSize(UUID clientId, UUID projectScope, TaskFilter filter, LocalDate today) {
        var query = em.createQuery("select count(t), coalesce(sum(t.version), 0) from WorkTaskEntity t where "
                + where(projectScope, filter), Object[].class);
        bind(query, clientId, projectScope, filter, today);
        Object[] row = query.getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private static String where(UUID projectScope, TaskFilter filter) {
        String scope = projectScope != null ? "t.projectId = :scope" : "t.clientId = :scope";
        return scope + switch (filter) {
            case OPEN -> " and t.completedAt is null";
            case OVERDUE -> " and t.completedAt is null and t.dueDate < :today";
            case UNASSIGNED -> " and t.completedAt is null and t.assignee is null";
            case DONE -> " and t.completedAt is not null";
        };
    }

    private static void bind(Query query, UUID clientId, UUID projectScope, TaskFilter filter, LocalDate today) {
        query.setParameter("scope", projectScope != null ? projectScope : clientId);
        if (filter == TaskFilter.OVERDUE) {
            query.setParameter("today", today);
        }
    }
}
