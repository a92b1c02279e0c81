package io.clientspace.proposal.domain;

import io.clientspace.proposal.ProposalStatus;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProposalRepository extends JpaRepository<ProposalEntity, UUID> {

    /** Uses proposal_client_idx. */
    List<ProposalEntity> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    long countByClientId(UUID clientId);

    /** The project's proposals, newest first; uses proposal_project_idx. */
    List<ProposalEntity> findByProjectIdOrderByCreatedAtDesc(UUID projectId);

    long countByProjectId(UUID projectId);

    /** The new version of a withdrawn proposal, if one was started (at most one: a unique index). */
    Optional<ProposalEntity> findByRevisionOf(UUID withdrawnProposalId);

    /** What the customer may see: sent (and maybe answered since); uses proposal_client_sent_idx. */
    @Query("select p from ProposalEntity p where p.clientId = ?1 and p.sentAt is not null and p.status in ?2"
            + " order by p.sentAt desc")
    List<ProposalEntity> visibleToCustomer(UUID clientId, Collection<ProposalStatus> statuses);

    /**
     * The row, locked until the transaction ends: accept, decline, approval and the expiry timer each take it, so
     * two of them run one after the other and the second sees what the first did.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ProposalEntity p where p.id = ?1")
    Optional<ProposalEntity> lock(UUID id);
}
