package io.clientspace.extranet.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccessReviewItemRepository extends JpaRepository<AccessReviewItemEntity, UUID> {

    @Query("select i from AccessReviewItemEntity i where i.reviewId = ?1 order by lower(i.displayName), i.id")
    List<AccessReviewItemEntity> byReview(UUID reviewId);
}
