package io.clientspace.project.domain;

import java.util.Optional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientProjectRepository extends JpaRepository<ClientProjectEntity, UUID> {

    /** The client's projects by name. Uses client_project_client_idx. */
    @Query("select p from ClientProjectEntity p where p.clientId = ?1 order by lower(p.name), p.id")
    List<ClientProjectEntity> byClient(UUID clientId);

    long countByClientId(UUID clientId);

    /** Projects a member may open through the project itself: they own it or are in its work group. */
    @Query(value = "select id from client_project where owner = ?1"
            + " union select project_id from project_member where username = ?1", nativeQuery = true)
    List<UUID> idsOwnedOrJoinedBy(String username);

    /** Projects by name, for lists that span clients. */
    @Query("select p from ClientProjectEntity p where p.id in ?1 order by lower(p.name), p.id")
    List<ClientProjectEntity> byIds(Collection<UUID> ids, Pageable page);

    @Query("select p from ClientProjectEntity p order by lower(p.name), p.id")
    List<ClientProjectEntity> all(Pageable page);

    @Query("select p from ClientProjectEntity p where p.clientId in ?1 or p.id in ?2 order by lower(p.name), p.id")
    List<ClientProjectEntity> onClientsOrIds(Collection<UUID> clients, Collection<UUID> ids, Pageable page);

    /** The client's projects shared with the client, by name. Uses client_project_shared_idx. */
    @Query("select p from ClientProjectEntity p where p.clientId = ?1 and p.sharedWithClient = true"
            + " order by lower(p.name), p.id")
    List<ClientProjectEntity> sharedByClient(UUID clientId);

    @Query("select p from ClientProjectEntity p where p.id = ?2 and p.clientId = ?1 and p.sharedWithClient = true")
    Optional<ClientProjectEntity> sharedOne(UUID clientId, UUID projectId);
}
