package io.clientspace.deal.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DealRepository extends JpaRepository<DealEntity, UUID>, DealListQueries {
    /** The person's open deals, for a handover. */
    @Query("select d from DealEntity d where d.owner = ?1 and d.closedAt is null order by d.title")
    java.util.List<DealEntity> findOpenOwnedBy(String owner);


    /** The first page of the client's deals, newest first. Uses deal_client_idx. */
    List<DealEntity> findByClientIdOrderByCreatedAtDesc(UUID clientId, Pageable page);

    /** The first page of the project's deals, newest first. Uses deal_project_idx. */
    List<DealEntity> findByProjectIdOrderByCreatedAtDesc(UUID projectId, Pageable page);

    /** Open deals of the project: its Deals tab's counter. Uses deal_project_open_idx. */
    long countByProjectIdAndClosedAtIsNull(UUID projectId);

    /** Uses deal_client_idx. */
    long countByClientId(UUID clientId);

    /** Open deals only: what the Deals tab counts. Uses deal_client_open_attention_idx. */
    long countByClientIdAndClosedAtIsNull(UUID clientId);

    /** The deal under a row lock (DD014): an edit, a move back or a reopen decides on the row as it is now. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from DealEntity d where d.id = ?1")
    Optional<DealEntity> findForUpdate(UUID id);

    /**
     * Open deals needing attention per client: (client id, stalled, without a next step).
     * Uses deal_client_open_attention_idx.
     */
    @Query("select d.clientId,"
            + " sum(case when d.stalledAt is not null then 1 else 0 end),"
            + " sum(case when d.nextStep is null or trim(d.nextStep) = '' then 1 else 0 end)"
            + " from DealEntity d where d.clientId in ?1 and d.closedAt is null"
            + " and (d.stalledAt is not null or d.nextStep is null or trim(d.nextStep) = '') group by d.clientId")
    List<Object[]> attention(Collection<UUID> clientIds);

    /** The same for one project: (stalled, without a next step), one row. Uses deal_project_open_idx. */
    @Query("select sum(case when d.stalledAt is not null then 1 else 0 end),"
            + " sum(case when d.nextStep is null or trim(d.nextStep) = '' then 1 else 0 end)"
            + " from DealEntity d where d.projectId = ?1 and d.closedAt is null")
    List<Object[]> projectAttention(UUID projectId);
}
