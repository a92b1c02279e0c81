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

    @Override
    @SuppressWarnings("unchecked")
    public List<WorkTaskEntity> inboxPage(InboxQuery q, int offset, int limit) {
        Query query = em.createNativeQuery("select t.* from work_task t where " + inboxWhere(q)
                + " order by t.due_date asc nulls last, t.created_at asc, t.id asc", WorkTaskEntity.class);
        bindInbox(query, q);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long inboxCount(InboxQuery q) {
        Query query = em.createNativeQuery("select count(*) from work_task t where " + inboxWhere(q));
        bindInbox(query, q);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * SQL rather than JPQL for the search: it looks at the client's and the project's names too. Mine uses
     * work_task_assignee_due_open_idx, nobody's work_task_unassigned_open_idx.
     */
    private static String inboxWhere(InboxQuery q) {
        StringBuilder where = new StringBuilder("t.completed_at is null and ")
                .append(q.assignee() == null ? "t.assignee is null" : "t.assignee = :assignee");
        if (q.dueBefore() != null) {
            where.append(" and t.due_date < :dueBefore");
        }
        if (q.dueFrom() != null) {
            where.append(" and t.due_date between :dueFrom and :dueTo");
        }
        if (!q.everywhere()) {
            where.append(" and (t.client_id in (:clients) or t.project_id in (:projects))");
        }
        if (q.pattern() != null) {
            where.append(" and (lower(t.title) like :text escape '\\' or lower(t.description) like :text escape '\\'"
                    + " or exists (select 1 from client c where c.id = t.client_id and lower(c.name) like :text"
                    + " escape '\\') or exists (select 1 from client_project p where p.id = t.project_id"
                    + " and lower(p.name) like :text escape '\\'))");
        }
        return where.toString();
    }

    private static void bindInbox(Query query, InboxQuery q) {
        if (q.assignee() != null) {
            query.setParameter("assignee", q.assignee());
        }
        if (q.dueBefore() != null) {
            query.setParameter("dueBefore", q.dueBefore());
        }
        if (q.dueFrom() != null) {
            query.setParameter("dueFrom", q.dueFrom());
            query.setParameter("dueTo", q.dueTo());
        }
        if (!q.everywhere()) {
            query.setParameter("clients", q.clients());
            query.setParameter("projects", q.projects());
        }
        if (q.pattern() != null) {
            query.setParameter("text", q.pattern());
        }
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
