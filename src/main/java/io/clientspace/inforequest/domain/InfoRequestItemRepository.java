package io.clientspace.inforequest.domain;

import org.springframework.data.domain.Pageable;
import java.util.Optional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InfoRequestItemRepository extends JpaRepository<InfoRequestItemEntity, UUID> {

    @Query("select i from InfoRequestItemEntity i where i.requestId = ?1 order by i.position")
    List<InfoRequestItemEntity> byRequest(UUID requestId);

    @Query("select i from InfoRequestItemEntity i where i.requestId in ?1 order by i.requestId, i.position")
    List<InfoRequestItemEntity> byRequests(Collection<UUID> requestIds);

    /** Items whose uploaded file waits in quarantine for a virus scan, oldest first. */
    @Query("select i.id from InfoRequestItemEntity i where i.scanStatus = 'PENDING' order by i.answeredAt")
    List<UUID> quarantined(Pageable page);

    /** The item's request, without loading the item: it is read again under the request's lock. */
    @Query("select i.requestId from InfoRequestItemEntity i where i.id = ?1")
    Optional<UUID> requestIdOf(UUID itemId);

    @Modifying
    @Query("delete from InfoRequestItemEntity i where i.requestId = ?1")
    void deleteByRequest(UUID requestId);
}
