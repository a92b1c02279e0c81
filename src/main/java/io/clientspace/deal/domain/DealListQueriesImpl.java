package io.clientspace.deal.domain;

import io.clientspace.deal.DealFilter;
import io.clientspace.deal.DealStage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JPQL for {@link DealListQueries}. The scope uses deal_client_idx (client_id, created_at desc) or deal_project_idx
 * (project_id, created_at desc), so a page of the busy client's list reads one index range, not the whole table.
 */
class DealListQueriesImpl implements DealListQueries {

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<DealEntity> listPage(UUID clientId, UUID projectScope, DealFilter filter, int offset, int limit) {
        Where where = where(clientId, projectScope, filter);
        var query = em.createQuery("select d from DealEntity d where " + where.jpql
                + " order by d.createdAt desc, d.id desc", DealEntity.class);
        where.bind(query);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long listCount(UUID clientId, UUID projectScope, DealFilter filter) {
        Where where = where(clientId, projectScope, filter);
        var query = em.createQuery("select count(d) from DealEntity d where " + where.jpql, Long.class);
        where.bind(query);
        return query.getSingleResult();
    }

    @Override
    public List<Object[]> stageCounts(UUID clientId, UUID projectScope) {
        Where where = where(clientId, projectScope, null);
        var query = em.createQuery("select d.stage, count(d), sum(case when d.closedAt is null then 1 else 0 end),"
                + " coalesce(sum(d.version), 0) from DealEntity d where " + where.jpql + " group by d.stage",
                Object[].class);
        where.bind(query);
        return query.getResultList();
    }

    /** The where clause for the scope and the filter (none: the whole scope), with its parameters. */
    private static Where where(UUID clientId, UUID projectScope, DealFilter filter) {
        Where w = new Where();
        if (projectScope != null) {
            w.and("d.projectId = :scope", "scope", projectScope);
        } else {
            w.and("d.clientId = :client", "client", clientId);
        }
        if (filter == null) {
            return w;
        }
        if (filter.withoutProject()) {
            w.and("d.projectId is null");
        } else if (filter.projectId() != null) {
            w.and("d.projectId = :project", "project", filter.projectId());
        }
        switch (filter.show()) {
            case OPEN -> w.and("d.closedAt is null");
            case WON -> w.and("d.closedAt is not null and d.stage = :stage", "stage", DealStage.WON);
            case LOST -> w.and("d.closedAt is not null and d.stage = :stage", "stage", DealStage.LOST);
            case STALLED -> w.and("d.closedAt is null and d.stalledAt is not null");
            case NO_NEXT_STEP -> w.and("d.closedAt is null and (d.nextStep is null or trim(d.nextStep) = '')");
        }
        return w;
    }

    private static final class Where {
        private final StringBuilder jpql = new StringBuilder();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        void and(String condition) {
            jpql.append(jpql.isEmpty() ? "" : " and ").append(condition);
        }

        void and(String condition, String name, Object value) {
            and(condition);
            parameters.put(name, value);
        }

        void bind(Query query) {
            parameters.forEach(query::setParameter);
        }
    }
}
