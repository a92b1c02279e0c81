package io.clientspace.request.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ClientRequestRepository extends JpaRepository<ClientRequestEntity, UUID> {
    /** The person's open requests, for a handover. */
    @org.springframework.data.jpa.repository.Query("select r from ClientRequestEntity r where r.assignee = ?1"
            + " and r.state not in ('CLOSED', 'CANCELLED') order by r.number")
    java.util.List<ClientRequestEntity> findOpenAssignedTo(String assignee);


    /** Row-locks the request: every change to it runs one after the other on the same state (DD014). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ClientRequestEntity r where r.id = ?1")
    Optional<ClientRequestEntity> lockById(UUID id);

    /** Uses client_request_client_idx. */
    @Query("select r from ClientRequestEntity r where r.clientId = ?1 order by r.raisedAt desc, r.number desc")
    List<ClientRequestEntity> byClient(UUID clientId);

    @Query("select r from ClientRequestEntity r where r.projectId = ?1 order by r.raisedAt desc, r.number desc")
    List<ClientRequestEntity> byProject(UUID projectId);

    @Query("select count(r) from ClientRequestEntity r where r.clientId = ?1"
            + " and r.state in ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED')")
    long countOpenByClient(UUID clientId);

    @Query("select count(r) from ClientRequestEntity r where r.projectId = ?1"
            + " and r.state in ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED')")
    long countOpenByProject(UUID projectId);

    /** Open requests of the given clients (null: every client), soonest resolution first; for the queue. */
    @Query("select r from ClientRequestEntity r where r.state in ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED')"
            + " and r.clientId in ?1 order by r.resolutionDueAt asc nulls last, r.number")
    List<ClientRequestEntity> openOfClients(Collection<UUID> clientIds);

    @Query("select r from ClientRequestEntity r where r.state in ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED')"
            + " order by r.resolutionDueAt asc nulls last, r.number")
    List<ClientRequestEntity> allOpen();

    /**
     * Each place (client, project) with open requests, and the group handling them: what the queue's group filter
     * needs, without loading the requests themselves (issue 19 §7). Rows: client id, project id or null, group.
     */
    @Query("select distinct r.clientId, r.projectId, r.handlingGroup from ClientRequestEntity r"
            + " where r.state in ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED') and r.handlingGroup is not null")
    List<Object[]> openGroupsByPlace();

    /** What the client's portal lists: the client's requests outside projects or in the given (shared) ones. */
    @Query("select r from ClientRequestEntity r where r.clientId = ?1 and (r.projectId is null or r.projectId in ?2)"
            + " order by r.raisedAt desc, r.number desc")
    List<ClientRequestEntity> forCustomer(UUID clientId, Collection<UUID> sharedProjectIds);

    /**
     * Open requests of the client whose running SLA target has passed at {@code now}: the response target while
     * nobody has taken it, then the resolution target; waits on the client do not count (their clock is stopped).
     * The same rule as SlaClock.status(...) == BREACHED, for the workspace checklist; one count on
     * client_request_client_idx.
     */
    @Query("select count(r) from ClientRequestEntity r where r.clientId = ?1"
            + " and r.state in ('QUEUED', 'IN_PROGRESS')"
            + " and ((r.respondedAt is null and r.responseDueAt is not null and r.responseDueAt <= ?2)"
            + " or ((r.respondedAt is not null or r.responseDueAt is null) and r.resolutionDueAt <= ?2))")
    long countBreachedByClient(UUID clientId, java.time.Instant now);
}
