package io.clientspace.extranet.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AccessReviewRepository extends JpaRepository<AccessReviewEntity, UUID> {

    /** The client's review waiting for an answer; the partial unique index allows one at most. */
    @Query("select r from AccessReviewEntity r where r.clientId = ?1 and r.status = 'OPEN'")
    Optional<AccessReviewEntity> openFor(UUID clientId);

    /** Row-locks the review, so that two answers (the owner's and an escalated manager's) cannot both apply. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from AccessReviewEntity r where r.id = ?1")
    Optional<AccessReviewEntity> lockById(UUID id);

    @Query("select r from AccessReviewEntity r where r.clientId = ?1 order by r.openedAt desc")
    List<AccessReviewEntity> byClient(UUID clientId);
}
