package io.clientspace.document.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentRepository extends JpaRepository<DocumentEntity, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from DocumentEntity d where d.id = ?1")
    Optional<DocumentEntity> lockById(UUID id);

    /** Live (not archived) documents. Uses document_client_idx. */
    long countByClientIdAndArchivedAtIsNull(UUID clientId);

    /** The first page of live documents, last changed first. Uses document_client_updated_idx. */
    List<DocumentEntity> findByClientIdAndArchivedAtIsNullOrderByUpdatedAtDesc(UUID clientId, Pageable page);

    /** The archived documents, last archived first. Uses document_archived_idx. */
    List<DocumentEntity> findByClientIdAndArchivedAtIsNotNullOrderByArchivedAtDesc(UUID clientId, Pageable page);

    List<DocumentEntity> findByProjectIdAndArchivedAtIsNotNullOrderByArchivedAtDesc(UUID projectId, Pageable page);

    /** Live documents per status on the client: rows of (status, count). Uses document_client_type_status_idx. */
    @Query("select d.status, count(d) from DocumentEntity d where d.clientId = ?1 and d.archivedAt is null"
            + " group by d.status")
    List<Object[]> countByStatus(UUID clientId);

    /**
     * Per type of the client's documents: (type, how many, how many are ready with a final version).
     * Uses document_client_type_status_idx.
     */
    @Query("select d.type, count(d), sum(case when d.status = 'READY' and d.finalVersionId is not null then 1 else 0 end)"
            + " from DocumentEntity d where d.clientId = ?1 and d.archivedAt is null group by d.type")
    List<Object[]> typeSummary(UUID clientId);

    /** Uses document_project_idx. */
    long countByProjectIdAndArchivedAtIsNull(UUID projectId);

    /** The first page of live documents, last changed first. Uses document_project_updated_idx. */
    List<DocumentEntity> findByProjectIdAndArchivedAtIsNullOrderByUpdatedAtDesc(UUID projectId, Pageable page);

    @Query("select d.status, count(d) from DocumentEntity d where d.projectId = ?1 and d.archivedAt is null"
            + " group by d.status")
    List<Object[]> countByStatusInProject(UUID projectId);

    @Query("select d.type, count(d), sum(case when d.status = 'READY' and d.finalVersionId is not null then 1 else 0 end)"
            + " from DocumentEntity d where d.projectId = ?1 and d.archivedAt is null group by d.type")
    List<Object[]> typeSummaryInProject(UUID projectId);

    /** Per client and key type: (client id, type, how many are ready with a final version). */
    @Query("select d.clientId, d.type, sum(case when d.status = 'READY' and d.finalVersionId is not null then 1 else 0 end)"
            + " from DocumentEntity d where d.clientId in ?1 and d.archivedAt is null"
            + " and d.type in ('CONTRACT', 'INVOICE', 'ACT')"
            + " group by d.clientId, d.type")
    List<Object[]> keyTypeSummary(Collection<UUID> clientIds);

    /**
     * The client's shared documents that the portal may show: on the client as a whole or in one of the given
     * (shared) projects. Uses document_shared_idx.
     */
    @Query("select d from DocumentEntity d where d.clientId = ?1 and d.sharedWithClient = true"
            + " and (d.projectId is null or d.projectId in ?2) order by d.updatedAt desc")
    List<DocumentEntity> sharedOnClient(UUID clientId, Collection<UUID> sharedProjects);

    /**
     * The client's invoices and acts with a final version, on the client or in one of its shared projects, shared
     * or not: what a billing contact sees (docs/decisions/DD035).
     */
    @Query("select d from DocumentEntity d where d.clientId = ?1 and d.type in ('INVOICE', 'ACT')"
            + " and d.finalVersionId is not null and (d.projectId is null or d.projectId in ?2)"
            + " order by d.updatedAt desc")
    List<DocumentEntity> billingOnClient(UUID clientId, Collection<UUID> sharedProjects);

    @Query("select d from DocumentEntity d where d.clientId = ?1 and d.projectId = ?2 and d.sharedWithClient = true"
            + " order by d.updatedAt desc")
    List<DocumentEntity> sharedInProject(UUID clientId, UUID projectId);

    /**
     * The live documents with a final version that can satisfy required documents (issue 20): the newest one of each
     * of the types, the newest one of each of the (lower-case, trimmed) titles, and the documents with the ids. At most
     * types + titles + ids rows, in one statement, served by document_client_type_status_idx,
     * document_client_idx and the primary key. Columns: id, project_id, title, type, version id, number, uploaded_at.
     * No list may be empty (pass a value that matches nothing).
     */
    @Query(value = FINALS_SELECT + " and d.type in (:types) order by d.type, v.uploaded_at desc)"
            + " union all " + FINALS_SELECT_TITLE + " and lower(trim(d.title)) in (:titles)"
            + " order by lower(trim(d.title)), v.uploaded_at desc)"
            + " union all " + FINALS_SELECT_ID + " and d.id in (:ids))", nativeQuery = true)
    List<Object[]> finalsForRequirements(UUID clientId, Collection<String> types, Collection<String> titles,
                                         Collection<UUID> ids);

    /** {@link #finalsForRequirements} within one project. */
    @Query(value = FINALS_SELECT + " and d.project_id = :projectId and d.type in (:types)"
            + " order by d.type, v.uploaded_at desc)"
            + " union all " + FINALS_SELECT_TITLE + " and d.project_id = :projectId"
            + " and lower(trim(d.title)) in (:titles) order by lower(trim(d.title)), v.uploaded_at desc)"
            + " union all " + FINALS_SELECT_ID + " and d.project_id = :projectId and d.id in (:ids))", nativeQuery = true)
    List<Object[]> finalsForRequirementsInProject(UUID clientId, UUID projectId, Collection<String> types,
                                                  Collection<String> titles, Collection<UUID> ids);

    /**
     * The workspaces (client id, project id or null) that hold a live document with a final version of one of the
     * types or (lower-case, trimmed) titles: where the renewal job looks (DD033). No list may be empty.
     */
    @Query(value = "select distinct d.client_id, d.project_id from document d where d.final_version_id is not null"
            + " and d.archived_at is null and (d.type in (:types) or lower(trim(d.title)) in (:titles))",
            nativeQuery = true)
    List<Object[]> workspacesWithFinals(Collection<String> types, Collection<String> titles);

    String FINALS_COLUMNS = " d.id, d.project_id, d.title, d.type, v.id as version_id, v.number, v.uploaded_at"
            + " from document d join document_version v on v.id = d.final_version_id"
            + " where d.client_id = :clientId and d.archived_at is null";
    String FINALS_SELECT = "(select distinct on (d.type)" + FINALS_COLUMNS;
    String FINALS_SELECT_TITLE = "(select distinct on (lower(trim(d.title)))" + FINALS_COLUMNS;
    String FINALS_SELECT_ID = "(select" + FINALS_COLUMNS;
}
