package io.clientspace.client.domain;

import io.clientspace.client.ClientRef;
import java.util.Collection;
import java.util.Optional;
import io.clientspace.client.ClientKind;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ClientRepository extends JpaRepository<ClientEntity, UUID> {
    /** Every client the person owns, archived ones too, for a handover. */
    @Query("select c from ClientEntity c where c.owner = ?1 order by c.name")
    java.util.List<ClientEntity> findAllOwnedBy(String owner);


    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ClientEntity c where c.id = ?1")
    Optional<ClientEntity> lockById(UUID id);

    /** The owner alone, by primary key: what an access check needs, without loading the record. */
    @Query("select c.owner from ClientEntity c where c.id = ?1")
    Optional<String> ownerOf(UUID id);

    @Query("select new io.clientspace.client.ClientRef(c.id, c.kind, c.name, c.owner) from ClientEntity c"
            + " where c.owner = ?1 and c.archivedAt is null order by c.name")
    List<ClientRef> refsOwnedBy(String owner);

    /** The live (not archived) clients of the owner. */
    @Query("select c.id from ClientEntity c where c.owner = ?1 and c.archivedAt is null")
    List<UUID> idsOwnedBy(String owner);

    /** The contact people of a company, archived ones included, by name. */
    @Query("select c from ClientEntity c where c.company.id = ?1 order by lower(c.name)")
    List<ClientEntity> contactsOf(UUID companyId);

    @Query("select new io.clientspace.client.ClientRef(c.id, c.kind, c.name, c.owner) from ClientEntity c"
            + " where c.id in ?1")
    List<ClientRef> refs(Collection<UUID> ids);


    String SEARCH = """
            from ClientEntity c left join c.company co
            where (:owner is null or c.owner = :owner or c.id in :granted)
              and (:kind is null or c.kind = :kind)
              and ((:archived = false and c.archivedAt is null) or (:archived = true and c.archivedAt is not null))
              and (:text = '' or lower(c.name) like :text or lower(c.email) like :text or lower(c.city) like :text
                   or lower(co.name) like :text
                   or exists (select 1 from ClientEntity t join t.tags tag where t = c and lower(tag) like :text))
            """;

    /**
     * Clients matching the filter; {@code owner} null means every owner, else the owner's clients and those in
     * {@code granted} (never empty: pass a placeholder id), {@code text} is a lower-case like pattern or
     * "", {@code archived} picks the archived clients instead of the live ones.
     */
    @Query("select c " + SEARCH)
    List<ClientEntity> search(@Param("owner") String owner, @Param("granted") Collection<UUID> granted,
                              @Param("kind") ClientKind kind, @Param("text") String text,
                              @Param("archived") boolean archived, Pageable page);

    @Query("select count(c) " + SEARCH)
    long countSearch(@Param("owner") String owner, @Param("granted") Collection<UUID> granted,
                     @Param("kind") ClientKind kind, @Param("text") String text,
                     @Param("archived") boolean archived);

    /** Likely duplicates: same name or same e-mail address, ignoring case. */
    @Query("""
            select c from ClientEntity c
            where c.id <> :excludeId and (lower(c.name) = lower(:name) or lower(c.email) = lower(:email))
            order by c.name
            """)
    List<ClientEntity> sameNameOrEmail(@Param("name") String name, @Param("email") String email,
                                       @Param("excludeId") UUID excludeId);

    /** Likely duplicates of a client without e-mail: same name, ignoring case. */
    @Query("select c from ClientEntity c where c.id <> :excludeId and lower(c.name) = lower(:name) order by c.name")
    List<ClientEntity> sameName(@Param("name") String name, @Param("excludeId") UUID excludeId);

    @Query("select c from ClientEntity c where c.kind = io.clientspace.client.ClientKind.COMPANY"
            + " and c.archivedAt is null and (:owner is null or c.owner = :owner or c.id in :granted)"
            + " order by lower(c.name)")
    List<ClientEntity> companies(@Param("owner") String owner, @Param("granted") Collection<UUID> granted);

    long countByCompany(ClientEntity company);
}
