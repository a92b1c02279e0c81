package io.clientspace.task.domain;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface WorkTaskRepository extends JpaRepository<WorkTaskEntity, UUID>, WorkTaskListQueries {
    /** The person's open tasks, for a handover. */
    @org.springframework.data.jpa.repository.Query("select t from WorkTaskEntity t where t.assignee = ?1"
            + " and t.completedAt is null and t.cancelledAt is null order by t.title")
    java.util.List<WorkTaskEntity> findOpenAssignedTo(String assignee);


    String OPEN_ORDER = " order by t.dueDate asc nulls last, t.createdAt asc";

    /** Uses the partial index work_task_client_open_idx. */
    @Query("select count(t) from WorkTaskEntity t where t.clientId = ?1 and t.completedAt is null")
    long countOpenByClient(UUID clientId);

    /** The first page of openByClient. Uses work_task_client_open_due_idx, in its order. */
    @Query("select t from WorkTaskEntity t where t.clientId = ?1 and t.completedAt is null" + OPEN_ORDER)
    List<WorkTaskEntity> openByClient(UUID clientId, Pageable page);

    /** Uses the partial index work_task_project_open_idx. */
    @Query("select count(t) from WorkTaskEntity t where t.projectId = ?1 and t.completedAt is null")
    long countOpenByProject(UUID projectId);

    @Query("select t from WorkTaskEntity t where t.projectId = ?1 and t.completedAt is null" + OPEN_ORDER)
    List<WorkTaskEntity> openByProject(UUID projectId);

    /** The first page of openByProject. Uses work_task_project_open_due_idx, in its order. */
    @Query("select t from WorkTaskEntity t where t.projectId = ?1 and t.completedAt is null" + OPEN_ORDER)
    List<WorkTaskEntity> openByProject(UUID projectId, Pageable page);

    Optional<WorkTaskEntity> findByEngineTaskId(String engineTaskId);

    /** The client's open ad-hoc tasks, projects' included: what archiving the client cancels. */
    @Query("select t from WorkTaskEntity t where t.clientId = ?1 and t.completedAt is null and t.source = 'AD_HOC'"
            + " order by t.createdAt")
    List<WorkTaskEntity> openAdHocByClient(UUID clientId);

    /** The task under a row lock (DD014): an edit, a cancel or a reopen decides on the row as it is now. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from WorkTaskEntity t where t.id = ?1")
    Optional<WorkTaskEntity> findForUpdate(UUID id);

    /** Open tasks needing attention per client: (client id, overdue, unassigned). Uses the open-task indexes. */
    @Query("select t.clientId, sum(case when t.dueDate < ?2 then 1 else 0 end),"
            + " sum(case when t.assignee is null then 1 else 0 end)"
            + " from WorkTaskEntity t where t.clientId in ?1 and t.completedAt is null"
            + " and (t.dueDate < ?2 or t.assignee is null) group by t.clientId")
    List<Object[]> attention(Collection<UUID> clientIds, LocalDate today);

    /** The same for one project: (overdue, unassigned), one row. */
    @Query("select sum(case when t.dueDate < ?2 then 1 else 0 end),"
            + " sum(case when t.assignee is null then 1 else 0 end)"
            + " from WorkTaskEntity t where t.projectId = ?1 and t.completedAt is null")
    List<Object[]> projectAttention(UUID projectId, LocalDate today);

    @Query("select count(t) from WorkTaskEntity t where t.assignee = ?1 and t.completedAt is null")
    long countAssigned(String assignee);

    @Query("select count(t) from WorkTaskEntity t where t.assignee = ?1 and t.completedAt is null and t.dueDate < ?2")
    long countAssignedDueBefore(String assignee, LocalDate day);

    @Query("select count(t) from WorkTaskEntity t where t.assignee = ?1 and t.completedAt is null"
            + " and t.dueDate between ?2 and ?3")
    long countAssignedDueBetween(String assignee, LocalDate from, LocalDate to);

    /** Mine, on the given clients and projects only (a member's scope). */
    @Query("select count(t) from WorkTaskEntity t where t.assignee = ?1 and t.completedAt is null"
            + " and (t.clientId in ?2 or t.projectId in ?3)")
    long countAssignedOn(String assignee, Collection<UUID> clients, Collection<UUID> projects);

    @Query("select count(t) from WorkTaskEntity t where t.assignee = ?1 and t.completedAt is null and t.dueDate < ?2"
            + " and (t.clientId in ?3 or t.projectId in ?4)")
    long countAssignedDueBeforeOn(String assignee, LocalDate day, Collection<UUID> clients,
                                  Collection<UUID> projects);

    @Query("select count(t) from WorkTaskEntity t where t.assignee = ?1 and t.completedAt is null"
            + " and t.dueDate between ?2 and ?3 and (t.clientId in ?4 or t.projectId in ?5)")
    long countAssignedDueBetweenOn(String assignee, LocalDate from, LocalDate to, Collection<UUID> clients,
                                   Collection<UUID> projects);

    @Query("select count(t) from WorkTaskEntity t where t.assignee is null and t.completedAt is null")
    long countUnassigned();

    @Query("select count(t) from WorkTaskEntity t where t.assignee is null and t.completedAt is null"
            + " and (t.clientId in :clients or t.projectId in :projects)")
    long countUnassignedOn(Collection<UUID> clients, Collection<UUID> projects);

    /** Every task of the client's project, open and finished. Uses work_task_project_idx. */
    @Query("select t from WorkTaskEntity t where t.clientId = ?1 and t.projectId = ?2")
    List<WorkTaskEntity> allInProject(UUID clientId, UUID projectId);
}
